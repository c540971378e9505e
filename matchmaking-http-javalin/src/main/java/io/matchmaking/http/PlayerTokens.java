package io.matchmaking.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies player tokens with nimbus-jose-jwt, and remembers for a minute the tokens that verified
 * (a client repeats its token on every request; checking its signature costs about as much as a
 * join), each only until its own {@code exp}. Verification: the signature by an allowed algorithm only (so
 * {@code alg: none} and an HS256 token signed with a public key are refused), then the claims by
 * {@link #verifyClaims}. A JWKS is fetched when first needed and cached; a token with an unknown
 * {@code kid} fetches it again (rate-limited, so forged kids cannot flood the key server); a fetch
 * that fails keeps the keys already held for a day.
 */
final class PlayerTokens {

    private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(2);
    private static final int KEY_SET_MAX_BYTES = 256 * 1024;
    private static final Duration OUTAGE_TOLERANCE = Duration.ofDays(1);

    /** Tokens verified lately: a client sends one token with every request until it expires. */
    private static final int MOST_REMEMBERED = 20_000;
    /** How long a verified token is believed without checking its signature again (a key withdrawn from the JWKS counts after this). */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private final PlayerTokenSettings settings;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MOST_REMEMBERED).expireAfterWrite(REMEMBERED_FOR).build();

    /** A token that verified, and when it stops being valid. */
    private record Verified(Caller.Player player, Instant expires) {
    }

    PlayerTokens(PlayerTokenSettings settings) {
        this.settings = settings;
        if (settings.secret().isPresent()) {
            JWKSource<SecurityContext> secret = new ImmutableSecret<>(settings.secret().get().getBytes(StandardCharsets.UTF_8));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, secret));
        } else {
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(PUBLIC_KEY_ALGORITHMS, keySet(settings)));
        }
        JWTClaimsSetVerifier<SecurityContext> claims = (claimSet, context) -> verifyClaims(claimSet);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * nimbus's cached, refreshed-ahead, rate-limited, outage-tolerant key source. Its intervals must
     * fit inside the time to live: its defaults (30 s each), unless the time to live is short.
     */
    private static JWKSource<SecurityContext> keySet(PlayerTokenSettings settings) {
        int timeout = (int) KEY_FETCH_TIMEOUT.toMillis();
        long timeToLive = settings.keysTimeToLive().toMillis();
        URL url;
        try {
            url = settings.jwksUrl().get().toURL();
        } catch (MalformedURLException | IllegalArgumentException notFetchable) {
            throw new IllegalArgumentException("the JWKS URL is not a URL this server can fetch", notFetchable);
        }
        return JWKSourceBuilder.<SecurityContext>create(url, new DefaultResourceRetriever(timeout, timeout, KEY_SET_MAX_BYTES))
                .cache(timeToLive, Math.min(KEY_FETCH_TIMEOUT.toMillis(), timeToLive / 4))
                .refreshAheadCache(Math.min(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, timeToLive / 4), false)
                .rateLimited(Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, timeToLive / 2))
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .build();
    }

    /**
     * The player {@code token} proves, or a 401 that says what is wrong with it (in words of our
     * own: never a claim's value, which the client chose), or a 503 when the keys to check it with
     * cannot be fetched and none are held.
     */
    Caller.Player verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null && known.expires().plus(settings.clockSkew()).isAfter(settings.clock().instant())) {
            return known.player();
        }
        return verifyNow(token);
    }

    /** Signature and claims, checked in full: a verifying JWT costs about as much as a join. */
    private Caller.Player verifyNow(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException malformed) {
            throw unauthorized("player token is not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw unauthorized("player tokens must be signed (JWS); unsigned and encrypted tokens are refused");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (BadJWTException badClaims) {
            throw unauthorized(badClaims.getMessage());
        } catch (BadJOSEException badSignature) {
            throw unauthorized("player token signature is not valid");
        } catch (RateLimitReachedException unknownKeyAfterARecentFetch) {
            // the keys were fetched a moment ago and none signed this: as forged as any other
            throw unauthorized("player token signature is not valid");
        } catch (KeySourceException keysUnavailable) {
            throw ApiException.unavailable("the keys that verify player tokens cannot be fetched, retry later");
        } catch (JOSEException unverifiable) {
            throw unauthorized("player token signature is not valid");
        }
        Caller.Player player = player(claims);
        verified.put(token, new Verified(player, claims.getExpirationTime().toInstant()));
        return player;
    }

    /**
     * Our own checks of the registered claims (nimbus's messages echo claim values): every message
     * is a fixed text. The {@code party} claim is read by {@link #party}.
     */
    private void verifyClaims(JWTClaimsSet claims) throws BadJWTException {
        Instant now = settings.clock().instant();
        Duration skew = settings.clockSkew();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new BadJWTException("player token has no exp claim");
        }
        if (!expires.toInstant().plus(skew).isAfter(now)) {
            throw new BadJWTException("player token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(skew).isAfter(now)) {
            throw new BadJWTException("player token is not valid yet");
        }
        if (settings.issuer().isPresent() && !settings.issuer().get().equals(claims.getIssuer())) {
            throw new BadJWTException("player token has the wrong issuer");
        }
        if (settings.audience().isPresent()
                && (claims.getAudience() == null || !claims.getAudience().contains(settings.audience().get()))) {
            throw new BadJWTException("player token is not meant for this audience");
        }
        if (claims.getSubject() == null || !PlayerId.isValid(claims.getSubject())) {
            throw new BadJWTException("player token sub must be a player id (1..64 characters of A-Z a-z 0-9 . _ : @ -)");
        }
    }

    private static Caller.Player player(JWTClaimsSet claims) {
        PlayerId player = PlayerId.of(claims.getSubject());
        return new Caller.Player(player, party(claims, player));
    }

    /**
     * The {@code party} claim: the players the game backend lets this player queue with, the
     * player among them, at most a match's size. Absent: no party.
     */
    private static List<PlayerId> party(JWTClaimsSet claims, PlayerId player) {
        Object claim = claims.getClaim("party");
        if (claim == null) {
            return List.of();
        }
        if (!(claim instanceof List<?> members) || members.isEmpty() || members.size() > Match.MAX_SIZE) {
            throw unauthorized("player token party must be an array of 1.." + Match.MAX_SIZE + " player ids");
        }
        List<PlayerId> party = new ArrayList<>(members.size());
        for (Object member : members) {
            if (!(member instanceof String id) || !PlayerId.isValid(id) || party.contains(PlayerId.of(id))) {
                throw unauthorized("player token party must be an array of distinct player ids");
            }
            party.add(PlayerId.of(id));
        }
        if (!party.contains(player)) {
            throw unauthorized("player token party must include the token's own player");
        }
        return party;
    }

    private static ApiException unauthorized(String message) {
        return Authentication.unauthorized(message);
    }
}
