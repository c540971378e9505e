package io.matchmaking.core.store;

import io.matchmaking.core.event.OutboxStats;
import io.matchmaking.core.event.PendingEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The store's outbox: events a unit wrote with its changes ({@link QueueChanges#outbox()}), kept
 * until delivered. Any instance may deliver any event; a claim is exclusive until its lease ends,
 * so an instance that dies mid-delivery leaves the event to another once the lease is over.
 * Times are the core's times of record (the database's clock on a shared store).
 */
public interface Outbox {

    /**
     * Up to {@code max} events due at {@code now} (never delivered, not given up on, not claimed
     * or with a claim that ended), oldest first, each now claimed until {@code leaseUntil}.
     */
    List<PendingEvent> claimDue(int max, Instant now, Instant leaseUntil);

    /** These events reached their receiver: they leave the outbox. */
    void delivered(Collection<String> ids);

    /**
     * The event's attempt failed, its {@code failedAttempts}-th: it is due again at {@code next},
     * for the destinations not in {@code deliveredTo} (all those that took it so far).
     */
    void retryAt(String id, int failedAttempts, Instant next, Set<String> deliveredTo);

    /** The event is given up on after {@code failedAttempts} attempts: it is kept, counted, never claimed again. */
    void failed(String id, int failedAttempts);

    /** What is still to deliver and what was given up on. */
    OutboxStats stats();
}
