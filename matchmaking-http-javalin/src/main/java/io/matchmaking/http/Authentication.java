package io.matchmaking.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds out who sent a request ({@link Caller}) from its {@code Authorization: Bearer} credential,
 * before any route runs: the server credential ({@code MATCHMAKING_API_TOKEN}), a player token, or,
 * with neither configured, anyone acting as the server (development). A credential that proves
 * nothing is a 401, whatever the route.
 *
 * <p>The server credential is compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the
 * time taken says nothing about how much of a guess was right, not even its length.
 */
final class Authentication {

    private static final String PREFIX = "Bearer ";
    private static final String CALLER = Authentication.class.getName() + ".caller";

    private final Optional<byte[]> serverDigest;
    private final Optional<PlayerTokens> playerTokens;
    private final Predicate<String> openPath;

    /**
     * @param serverToken  the server credential, if one is configured
     * @param playerTokens how player tokens are verified, if they are accepted
     * @param openPath     which paths need no credential (health and metrics on the API port, the
     *                     console's page and files)
     */
    Authentication(Optional<String> serverToken, Optional<PlayerTokens> playerTokens, Predicate<String> openPath) {
        this.serverDigest = serverToken.map(Authentication::digest);
        this.playerTokens = playerTokens;
        this.openPath = openPath;
    }

    /** A before-handler: remembers the request's caller, or refuses it with 401. */
    void authenticate(Context ctx) {
        if (!openPath.test(ctx.path())) {
            ctx.attribute(CALLER, caller(ctx.header("Authorization")));
        }
    }

    /** Who sent {@code ctx}'s request; only for routes behind {@link #authenticate}. */
    static Caller of(Context ctx) {
        return authenticated(ctx).orElseThrow(() -> new IllegalStateException("no caller: the route is not behind authentication"));
    }

    /** Who sent {@code ctx}'s request; empty on an open path (health and metrics), which asks nobody. */
    static Optional<Caller> authenticated(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }

    private Caller caller(String header) {
        if (serverDigest.isEmpty() && playerTokens.isEmpty()) {
            return Caller.ANYONE;
        }
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw unauthorized("missing bearer token");
        }
        String offered = header.substring(PREFIX.length()).trim();
        if (serverDigest.isPresent() && MessageDigest.isEqual(serverDigest.get(), digest(offered))) {
            return Caller.SERVER;
        }
        if (playerTokens.isPresent()) {
            return playerTokens.get().verify(offered);
        }
        throw unauthorized("invalid bearer token");
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
