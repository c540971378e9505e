package io.matchmaking.core.event;

import java.util.List;

/**
 * Outbox events one unit of this instance has just committed, claimed by this instance: written
 * due only once a lease has passed since they occurred, so no claimer takes them meanwhile and
 * whatever delivers them here needs no claim of its own.
 *
 * @param events       the events, in the order written
 * @param claimedSince {@link System#nanoTime()} taken before the unit that wrote them began, so
 *                     before the time of record they are stamped with: their claim lasts the
 *                     lease from then at least, whatever the store's clock says
 */
public record HeldEvents(List<OutboxEvent> events, long claimedSince) {

    /** Nothing held. */
    public static final HeldEvents NONE = new HeldEvents(List.of(), 0);

    /** Copies the events. */
    public HeldEvents {
        events = List.copyOf(events);
    }
}
