package io.matchmaking.core;

import io.matchmaking.core.event.OutboxStats;
import io.matchmaking.core.event.PendingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The use case of whatever delivers outbox events (webhooks): claim what is due, then say how each
 * attempt went. Times are the store's times of record, so instances with skewed clocks agree on
 * what is due and on whose claim has ended.
 */
public interface PendingEvents {

    /** Up to {@code max} due events, oldest first, each claimed by this caller for {@code lease}. */
    List<PendingEvent> claim(int max, Duration lease);

    /** These events were delivered. */
    void delivered(Collection<String> ids);

    /**
     * The attempt failed, the event's {@code failedAttempts}-th; it is due again at {@code next},
     * for the destinations not in {@code deliveredTo} (every one that took it so far).
     */
    void retryAt(String id, int failedAttempts, Instant next, Set<String> deliveredTo);

    /** The event is given up on: kept and counted, never claimed again. */
    void failed(String id, int failedAttempts);

    /** What is still to deliver and what was given up on. */
    OutboxStats stats();

    /** Now, as the store's clock says (for retry schedules). */
    Instant now();
}
