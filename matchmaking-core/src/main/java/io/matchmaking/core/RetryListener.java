package io.matchmaking.core;

/**
 * Hears each time the core runs a unit of work again, and why. Metrics count these; a rising rate
 * of {@link RetryReason#LOCK_CONTENTION} means contention on a queue's lock.
 */
@FunctionalInterface
public interface RetryListener {

    /** Ignores retries. */
    RetryListener NONE = reason -> { };

    /** A unit is about to run again because its last attempt did not commit, for {@code reason}. */
    void retried(RetryReason reason);
}
