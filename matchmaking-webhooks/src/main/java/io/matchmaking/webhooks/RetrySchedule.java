package io.matchmaking.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a webhook that was not delivered is tried again: after {@code firstDelay}, doubling up to
 * {@code maxDelay}, each delay drawn at random between half of it and all of it (so a receiver that
 * comes back is not hit by every event at the same instant), until {@code giveUpAfter} has passed
 * since the event; then it is kept as failed, never dropped.
 *
 * @param firstDelay  the delay after the first failed attempt
 * @param maxDelay    the longest delay between two attempts
 * @param giveUpAfter how long after the event attempts go on
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

    /** 5 s, doubling up to 30 min, for 24 hours. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(30),
            Duration.ofHours(24));

    /** Rejects delays that are not positive, or a first delay longer than the longest. */
    public RetrySchedule {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must be positive, the first no longer than the longest");
        }
    }

    /** The longest delay after failed attempt number {@code attempts} (1 for the first). */
    Duration boundAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration bound = firstDelay.multipliedBy(1L << doublings);
        return bound.compareTo(maxDelay) > 0 || bound.isNegative() ? maxDelay : bound;
    }

    /**
     * When to try again after {@code attempts} failed attempts, the last one at {@code now}, of an
     * event that happened at {@code occurredAt}; empty once the schedule gives up.
     */
    public Optional<Instant> next(int attempts, Instant occurredAt, Instant now) {
        long bound = boundAfter(attempts).toMillis();
        long delay = ThreadLocalRandom.current().nextLong(bound / 2, bound + 1);
        Instant next = now.plusMillis(delay);
        return next.isAfter(occurredAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
