package io.matchmaking.core;

import java.time.Duration;

/**
 * The latest moment a request may start its unit of work, on this JVM's monotonic clock. A request
 * whose unit would start later is answered as not taken and never runs: its client has given up or
 * is about to, and a change it no longer waits for must not land after its retry.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(0, false);

    private final long nanoTime;
    private final boolean bounded;

    private Deadline(long nanoTime, boolean bounded) {
        this.nanoTime = nanoTime;
        this.bounded = bounded;
    }

    /** No deadline: the request runs whenever its turn comes. */
    public static Deadline none() {
        return NONE;
    }

    /** {@code timeout} after {@code startNanoTime} (a {@link System#nanoTime()} reading, such as a request's arrival). */
    public static Deadline after(long startNanoTime, Duration timeout) {
        return new Deadline(startNanoTime + timeout.toNanos(), true);
    }

    /** {@code timeout} from now. */
    public static Deadline in(Duration timeout) {
        return after(System.nanoTime(), timeout);
    }

    /** Whether the deadline is behind us. */
    public boolean hasPassed() {
        // a difference, not a comparison: nanoTime readings may wrap
        return bounded && System.nanoTime() - nanoTime > 0;
    }

    @Override
    public String toString() {
        return bounded ? "Deadline[in " + Duration.ofNanos(nanoTime - System.nanoTime()) + "]" : "Deadline[none]";
    }
}
