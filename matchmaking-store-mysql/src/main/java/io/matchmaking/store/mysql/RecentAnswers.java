package io.matchmaking.store.mysql;

import java.time.Duration;

/**
 * When the database last answered this instance. A readiness check that finds a recent answer
 * needs no connection of its own: asking for one from a pool busy with units used to wait for
 * it, and a busy instance read as down.
 */
final class RecentAnswers {

    /** Writes at most this often: every unit reports, and one shared field written by all threads costs. */
    private static final long COARSENESS_NANOS = Duration.ofMillis(100).toNanos();

    private volatile long lastNanos = System.nanoTime() - Duration.ofDays(1).toNanos();

    void answered() {
        long now = System.nanoTime();
        if (now - lastNanos > COARSENESS_NANOS) {
            lastNanos = now;
        }
    }

    boolean within(Duration recent) {
        return System.nanoTime() - lastNanos < recent.toNanos();
    }
}
