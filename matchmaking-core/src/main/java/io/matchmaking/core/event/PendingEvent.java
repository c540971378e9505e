package io.matchmaking.core.event;

import java.util.Objects;

/**
 * An outbox event claimed for delivery, and how many attempts failed before this one.
 *
 * @param event          the event
 * @param failedAttempts attempts before this one that did not deliver it
 */
public record PendingEvent(OutboxEvent event, int failedAttempts) {

    /** Rejects a missing event. */
    public PendingEvent {
        Objects.requireNonNull(event, "event");
    }
}
