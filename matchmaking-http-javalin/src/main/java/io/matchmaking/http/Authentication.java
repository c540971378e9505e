package io.matchmaking.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * When a token is configured, API calls need {@code Authorization: Bearer <token>}. Tokens are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken says nothing
 * about how much of a guess was right, not even its length.
 */
final class BearerAuth {

    private static final String PREFIX = "Bearer ";

    private final byte[] expectedDigest;
    private final Set<String> openPaths;

    BearerAuth(String token, Set<String> openPaths) {
        this.expectedDigest = digest(token);
        this.openPaths = Set.copyOf(openPaths);
    }

    void check(Context ctx) {
        if (openPaths.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        String offered = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? header.substring(PREFIX.length()).trim() : "";
        if (!MessageDigest.isEqual(expectedDigest, digest(offered))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "missing or invalid bearer token");
        }
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
