package io.matchmaking.core.event;

import java.util.Objects;
import java.util.Set;

/**
 * An outbox event claimed for delivery, how many attempts failed before this one, and which
 * destinations already took it, so a retry goes only to those that did not.
 *
 * @param event          the event
 * @param failedAttempts attempts before this one that did not deliver it
 * @param deliveredTo    the names of the destinations (webhook URLs) that already took it
 */
public record PendingEvent(OutboxEvent event, int failedAttempts, Set<String> deliveredTo) {

    /** Rejects a missing event. */
    public PendingEvent {
        Objects.requireNonNull(event, "event");
        deliveredTo = Set.copyOf(deliveredTo);
    }

    /** An event no destination has taken yet. */
    public PendingEvent(OutboxEvent event, int failedAttempts) {
        this(event, failedAttempts, Set.of());
    }
}
