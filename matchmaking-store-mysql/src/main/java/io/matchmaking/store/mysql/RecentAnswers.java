package io.matchmaking.store.mysql;

import java.time.Duration;

/**
 * When the database last answered this instance, and whether it has failed to since. A readiness
 * check that finds a recent answer, and no failure after it, needs no connection of its own:
 * asking for one from a pool busy with units used to wait for it, and a busy instance read as down.
 */
final class RecentAnswers {

    /** Writes at most this often: every unit reports, and one shared field written by all threads costs. */
    private static final long COARSENESS_NANOS = Duration.ofMillis(100).toNanos();

    private volatile long lastNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
    private volatile boolean failedSince;

    void answered() {
        long now = System.nanoTime();
        if (now - lastNanos > COARSENESS_NANOS || failedSince) {
            lastNanos = now;
            failedSince = false;
        }
    }

    /** The database could not be reached: no earlier answer vouches for it any more. */
    void unreachable() {
        failedSince = true;
    }

    /** Whether the database answered within {@code recent} and has not been unreachable since. */
    boolean within(Duration recent) {
        return !failedSince && System.nanoTime() - lastNanos < recent.toNanos();
    }
}
