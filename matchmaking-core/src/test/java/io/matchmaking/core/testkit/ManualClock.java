package io.matchmaking.core.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test says so; safe to read from many threads. */
public final class ManualClock extends Clock {

    /** 2025-04-21T12:13:20Z, a whole second, so UNIX-second views are exact. */
    public static final Instant START = Instant.ofEpochSecond(1_745_237_600L);

    private final AtomicReference<Instant> now;

    /** A clock standing at {@link #START}. */
    public ManualClock() {
        this(START);
    }

    /** A clock standing at {@code start}. */
    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves the clock forward by {@code step}. */
    public void advance(Duration step) {
        now.updateAndGet(current -> current.plus(step));
    }

    /** Moves the clock forward by {@code seconds}. */
    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock is always UTC");
    }
}
