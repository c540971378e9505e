package io.matchmaking.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How patient one call of the matchmaker is with units of work that do not commit, and with a
 * player who keeps moving between queues: every unit a call runs, first attempts and retries and
 * the units that follow the player elsewhere, spends one of {@code maxAttempts}. A unit rolled back
 * by lock contention runs again after a random pause up to {@code basePause} × 2, 4, ... 64 (full
 * jitter, so colliding units spread out); after a lost claim or a lost COMMIT it runs again at once.
 *
 * @param maxAttempts units one call may run
 * @param basePause   the first bound of the pause after lock contention
 */
public record RetryPolicy(int maxAttempts, Duration basePause) {

    /**
     * 32 units per call, pauses from 5 ms. Units of different queues that touch the same players
     * (parties, leaves, a player joining two queues) can deadlock a few times in a row on a shared
     * database under load: with 8 a call through two instances on MariaDB ran out (CI, parties and
     * leaves racing). A join or leave over HTTP stops earlier anyway, at its request deadline.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(32, Duration.ofMillis(5));

    private static final int MAX_DOUBLINGS = 6;

    /** Rejects a policy that allows no attempt or a negative pause. */
    public RetryPolicy {
        Objects.requireNonNull(basePause, "basePause");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
        if (basePause.isNegative()) {
            throw new IllegalArgumentException("base pause must not be negative");
        }
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, basePause);
    }

    /** The pause before attempt {@code attempt} + 1 after {@code reason}: zero but for lock contention. */
    Duration pauseAfter(RetryReason reason, int attempt) {
        if (reason != RetryReason.LOCK_CONTENTION || basePause.isZero()) {
            return Duration.ZERO;
        }
        long bound = basePause.toNanos() << Math.min(attempt, MAX_DOUBLINGS);
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(1, bound + 1));
    }
}
