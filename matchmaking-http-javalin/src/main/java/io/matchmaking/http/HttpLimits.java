package io.matchmaking.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may take of the server (API.md "Limits"): time to send a request, connections,
 * held long polls, requests per second.
 *
 * @param readTimeout    a request's line, headers and body must arrive within this of its first
 *                       byte (a connection must send its first request within it), else the
 *                       connection is closed (a late body: after a 408)
 * @param maxConnections open connections per port; beyond, 503 with Retry-After
 * @param maxLongPolls   long polls held at once; beyond, 503 with Retry-After
 * @param playerRate     requests per second per player token (bursts of twice that); beyond, 429
 *                       with Retry-After; 0 for no limit
 * @param addressRate    requests per second per client address, for every caller but the server
 *                       credential; 0 for no limit
 * @param trustedProxies whose {@code X-Forwarded-For} names the client address
 */
public record HttpLimits(Duration readTimeout, int maxConnections, int maxLongPolls, int playerRate, int addressRate,
        TrustedProxies trustedProxies) {

    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_LONG_POLLS = 8_000;
    /** A client that follows the README's loop sends about one request a second. */
    public static final int DEFAULT_PLAYER_RATE = 10;
    /** Many players can share an address (carrier NAT, an office): the limit is for floods only. */
    public static final int DEFAULT_ADDRESS_RATE = 200;

    /** Generous for a phone on a bad network, and far from what a trickling attacker needs. */
    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(DEFAULT_READ_TIMEOUT_SECONDS),
            DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_LONG_POLLS, DEFAULT_PLAYER_RATE, DEFAULT_ADDRESS_RATE, TrustedProxies.NONE);

    public HttpLimits {
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the read timeout must be positive");
        }
        if (maxConnections < 1 || maxLongPolls < 0 || playerRate < 0 || addressRate < 0) {
            throw new IllegalArgumentException("at least one connection, and no negative long polls or rates");
        }
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }
}
