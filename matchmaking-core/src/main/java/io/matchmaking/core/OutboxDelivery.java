package io.matchmaking.core;

import io.matchmaking.core.event.OutboxStats;
import io.matchmaking.core.event.PendingEvent;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** {@link PendingEvents} on the store's outbox, at the times of record. */
final class OutboxDelivery implements PendingEvents {

    private final Outbox outbox;
    private final MatchRepository repository;
    private final TimesOfRecord time;

    OutboxDelivery(Outbox outbox, MatchRepository repository, TimesOfRecord time) {
        this.outbox = outbox;
        this.repository = repository;
        this.time = time;
    }

    @Override
    public List<PendingEvent> claim(int max, Duration lease) {
        Instant now = now();
        return outbox.claimDue(max, now, now.plus(lease));
    }

    @Override
    public void delivered(Collection<String> ids) {
        outbox.delivered(ids);
    }

    @Override
    public void retryAt(String id, int failedAttempts, Instant next, Set<String> deliveredTo) {
        outbox.retryAt(id, failedAttempts, next, deliveredTo);
    }

    @Override
    public void failed(String id, int failedAttempts) {
        outbox.failed(id, failedAttempts);
    }

    @Override
    public OutboxStats stats() {
        return outbox.stats();
    }

    @Override
    public Instant now() {
        return time.now(repository);
    }
}
