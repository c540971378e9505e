package io.matchmaking.core.store;

/**
 * Hears each time a store runs a unit of work again, and why: a lost claim (another queue took
 * the player first), a deadlock, a lock wait timeout. Metrics count these; a rising rate means
 * contention.
 */
@FunctionalInterface
public interface RetryListener {

    /** Ignores retries. */
    RetryListener NONE = reason -> { };

    /** A unit is about to run again because of {@code reason} (a short snake_case word). */
    void retried(String reason);
}
