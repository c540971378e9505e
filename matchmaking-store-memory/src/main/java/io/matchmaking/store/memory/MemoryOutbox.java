package io.matchmaking.store.memory;

import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.OutboxStats;
import io.matchmaking.core.event.PendingEvent;
import io.matchmaking.core.store.Outbox;
import io.matchmaking.core.store.QueueChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The memory store's outbox: an in-process log in the order written, lost with the process like
 * everything else of this store. One monitor guards it: deliveries are few next to joins, and a
 * unit's commit only appends.
 */
final class MemoryOutbox implements Outbox {

    /** One event and where its delivery stands. */
    private static final class Entry {
        final OutboxEvent event;
        int failedAttempts;
        Instant dueAt;
        boolean failed;
        Set<String> deliveredTo = Set.of();

        Entry(OutboxEvent event, Instant dueAt) {
            this.event = event;
            this.dueAt = dueAt;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Part of a unit's commit: its outbox events. */
    synchronized void append(QueueChanges changes) {
        for (OutboxEvent event : changes.outbox()) {
            entries.put(event.id(), new Entry(event, changes.outboxDueAt(event)));
        }
    }

    @Override
    public synchronized List<PendingEvent> claimDue(int max, Instant now, Instant leaseUntil) {
        List<PendingEvent> claimed = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (claimed.size() == max) {
                break;
            }
            if (!entry.failed && !entry.dueAt.isAfter(now)) {
                entry.dueAt = leaseUntil;
                claimed.add(new PendingEvent(entry.event, entry.failedAttempts, entry.deliveredTo));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void delivered(Collection<String> ids) {
        ids.forEach(entries::remove);
    }

    @Override
    public synchronized void retryAt(String id, int failedAttempts, Instant next, Set<String> deliveredTo) {
        Entry entry = entries.get(id);
        if (entry != null) {
            entry.failedAttempts = failedAttempts;
            entry.deliveredTo = Set.copyOf(deliveredTo);
            entry.dueAt = next;
        }
    }

    @Override
    public synchronized void failed(String id, int failedAttempts) {
        Entry entry = entries.get(id);
        if (entry != null) {
            entry.failedAttempts = failedAttempts;
            entry.failed = true;
        }
    }

    @Override
    public synchronized OutboxStats stats() {
        long undelivered = 0;
        long failed = 0;
        Optional<Instant> oldest = Optional.empty();
        for (Entry entry : entries.values()) {
            if (entry.failed) {
                failed++;
            } else {
                undelivered++;
                if (oldest.isEmpty() || entry.event.occurredAt().isBefore(oldest.get())) {
                    oldest = Optional.of(entry.event.occurredAt());
                }
            }
        }
        return new OutboxStats(undelivered, failed, oldest);
    }
}
