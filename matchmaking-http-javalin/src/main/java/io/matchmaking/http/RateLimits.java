package io.matchmaking.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * Requests per second per player (a player token's {@code sub}) and per client address, as token
 * buckets (Bucket4j) holding twice a second's worth: a burst is served, a flood is 429 with
 * {@code Retry-After}. The server credential is the game's own backend: no limit. The buckets live
 * in bounded maps (Caffeine), so a flood of addresses or players cannot grow them without end; a
 * bucket idle for a minute is dropped, being full again by then anyway.
 */
final class RateLimits {

    private static final int MOST_BUCKETS = 200_000;
    private static final Duration IDLE = Duration.ofMinutes(1);

    private final Limit perPlayer;
    private final Limit perAddress;
    private final TrustedProxies proxies;

    RateLimits(HttpLimits limits) {
        this.perPlayer = new Limit(limits.playerRate(), "too many requests for this player, retry later");
        this.perAddress = new Limit(limits.addressRate(), "too many requests from this address, retry later");
        this.proxies = limits.trustedProxies();
    }

    /**
     * A before-handler, after {@link Authentication}: refuses a request over its caller's limits.
     * Open paths (health, metrics) have no caller, and no limit.
     */
    void check(Context ctx) {
        Caller caller = Authentication.authenticated(ctx).orElse(null);
        if (caller == null || caller instanceof Caller.Server server && server.credentialed()) {
            return;
        }
        perAddress.take(proxies.client(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
        if (caller instanceof Caller.Player player) {
            perPlayer.take(player.id().value());
        }
    }

    /** One kind of limit: a bucket per key, or none at a rate of 0. */
    private static final class Limit {

        private final int perSecond;
        private final String refusal;
        private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
                .maximumSize(MOST_BUCKETS).expireAfterAccess(IDLE).build();

        Limit(int perSecond, String refusal) {
            this.perSecond = perSecond;
            this.refusal = refusal;
        }

        void take(String key) {
            if (perSecond == 0) {
                return;
            }
            Bucket bucket = buckets.get(key, absent -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(2L * perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                    .build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                throw ApiException.tooManyRequests(refusal, seconds);
            }
        }
    }
}
