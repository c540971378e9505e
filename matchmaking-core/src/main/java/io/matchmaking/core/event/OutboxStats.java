package io.matchmaking.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the outbox stands: what is still to deliver, how old the oldest of it is, and what was given up on.
 *
 * @param undelivered      events not delivered yet and still being tried
 * @param failed           events given up on after the retry limit (kept, never dropped silently)
 * @param oldestUndelivered when the oldest undelivered event happened; empty when there is none
 */
public record OutboxStats(long undelivered, long failed, Optional<Instant> oldestUndelivered) {

    /** Rejects a missing age. */
    public OutboxStats {
        Objects.requireNonNull(oldestUndelivered, "oldestUndelivered");
    }
}
