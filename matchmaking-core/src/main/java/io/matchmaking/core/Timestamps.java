package io.matchmaking.core;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Every store keeps milliseconds, so the core never produces finer times than a store can keep. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
