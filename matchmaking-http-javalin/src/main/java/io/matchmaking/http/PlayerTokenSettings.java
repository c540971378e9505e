package io.matchmaking.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How player tokens are verified (API.md "Identity"): by a shared HS256 secret or by the public keys
 * a JWKS URL serves (RS256, ES256), with the issuer and audience checked when set.
 *
 * @param secret          the HS256 secret; at least 32 bytes (RFC 7518: a key as long as the hash)
 * @param jwksUrl         where the game backend publishes its public keys
 * @param issuer          the {@code iss} every token must carry, when set
 * @param audience        a value the token's {@code aud} must contain, when set
 * @param clockSkew       how far {@code exp} and {@code nbf} may be off: the signer's clock is not ours
 * @param keysTimeToLive  how long fetched keys are used before they are fetched again (an unknown
 *                        {@code kid} fetches at once; a failed fetch keeps the keys already held)
 * @param clock           the time tokens are checked against
 */
public record PlayerTokenSettings(Optional<String> secret, Optional<URI> jwksUrl, Optional<String> issuer,
        Optional<String> audience, Duration clockSkew, Duration keysTimeToLive, Clock clock) {

    /** RFC 7518 section 3.2: an HS256 key of at least the hash's 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final Duration DEFAULT_KEYS_TIME_TO_LIVE = Duration.ofMinutes(5);

    public PlayerTokenSettings {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(keysTimeToLive, "keysTimeToLive");
        Objects.requireNonNull(clock, "clock");
        if (secret.isPresent() == jwksUrl.isPresent()) {
            throw new IllegalArgumentException("player tokens need either a secret or a JWKS URL, not both");
        }
        if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
    }

    /** Tokens signed with {@code secret} (HS256). */
    public static PlayerTokenSettings hmac(String secret) {
        return new PlayerTokenSettings(Optional.of(secret), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_CLOCK_SKEW, DEFAULT_KEYS_TIME_TO_LIVE, Clock.systemUTC());
    }

    /** Tokens signed with a key that {@code url} serves (RS256 or ES256). */
    public static PlayerTokenSettings jwks(URI url) {
        return new PlayerTokenSettings(Optional.empty(), Optional.of(url), Optional.empty(), Optional.empty(),
                DEFAULT_CLOCK_SKEW, DEFAULT_KEYS_TIME_TO_LIVE, Clock.systemUTC());
    }

    public PlayerTokenSettings withIssuer(Optional<String> value) {
        return new PlayerTokenSettings(secret, jwksUrl, value, audience, clockSkew, keysTimeToLive, clock);
    }

    public PlayerTokenSettings withAudience(Optional<String> value) {
        return new PlayerTokenSettings(secret, jwksUrl, issuer, value, clockSkew, keysTimeToLive, clock);
    }

    public PlayerTokenSettings withKeysTimeToLive(Duration value) {
        return new PlayerTokenSettings(secret, jwksUrl, issuer, audience, clockSkew, value, clock);
    }

    public PlayerTokenSettings withClock(Clock value) {
        return new PlayerTokenSettings(secret, jwksUrl, issuer, audience, clockSkew, keysTimeToLive, value);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return (secret.isPresent() ? "HS256 secret" : "JWKS " + jwksUrl.get())
                + issuer.map(value -> ", issuer " + value).orElse("")
                + audience.map(value -> ", audience " + value).orElse("");
    }
}
