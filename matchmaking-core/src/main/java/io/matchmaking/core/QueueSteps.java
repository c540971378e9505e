package io.matchmaking.core;

import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.MatchRepository;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/**
 * How every use case changes a queue, stated once: read the {@link Queue} under its lock at the
 * unit's time of record, take one step on it, commit the net changes (and the events chosen for
 * the outbox) within the call's retry budget, and publish the events (and hand on the outbox's)
 * only once they are committed.
 */
final class QueueSteps {

    private final MatchRepository repository;
    private final MatchmakingRules rules;
    private final TimesOfRecord time;
    private final EventPublisher events;
    private final RetryPolicy retryPolicy;
    private final RetryListener retryListener;
    private final OutboxSelection outbox;

    QueueSteps(MatchRepository repository, MatchmakingRules rules, TimesOfRecord time, EventPublisher events,
            RetryPolicy retryPolicy, RetryListener retryListener, OutboxSelection outbox) {
        this.repository = repository;
        this.rules = rules;
        this.time = time;
        this.events = events;
        this.retryPolicy = retryPolicy;
        this.retryListener = retryListener;
        this.outbox = outbox;
    }

    /** A fresh retry budget for one call, as messages name it ("the join of p1"). */
    Attempts attemptsOf(String call) {
        return new Attempts(retryPolicy, retryListener, call);
    }

    /**
     * {@code step}'s answer on {@code queue} once committed. The queue is read with the places of
     * {@code players} (wherever they wait) and the records of {@code keys}.
     */
    <R> R run(QueueName queue, Collection<PlayerId> players, Set<IdempotencyRecord.Id> keys, Attempts attempts,
            Function<Queue, R> step) {
        Decision<R> committed = attempts.run(() -> {
            long claimedSince = System.nanoTime();
            return repository.inQueue(queue, unit -> {
                Queue state = Queue.read(unit, queue, rules, time.of(unit), players, keys);
                return outbox.adding(state.decided(step.apply(state)), claimedSince);
            });
        });
        outbox.handOff(committed);
        return events.publish(committed);
    }
}
