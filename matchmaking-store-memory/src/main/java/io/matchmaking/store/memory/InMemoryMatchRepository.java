package io.matchmaking.store.memory;

import io.matchmaking.core.RetryReason;
import io.matchmaking.core.UnitNotCommittedException;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.Outbox;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.WorkResult;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link MatchRepository} for one process: nothing to install, nothing survives a restart.
 *
 * <p>Units of work of one queue are serialized by a lock; units of different queues run in
 * parallel. The locks are striped (a fixed array indexed by the queue's hash) rather than one
 * per queue name, so an endless stream of new queue names cannot grow a map of locks. They are
 * monitors rather than {@code ReentrantLock}s: a unit holds its lock for a few microseconds, and
 * a contended monitor spins that long before it parks, where a {@code ReentrantLock} parked the
 * waiter and paid a wake-up (with 8 request threads on 2 cores, lock and wake-ups were over a quarter of
 * a join's CPU; docs/benchmarks.md). Nothing inside a unit blocks. Reads
 * take no lock: every match is an immutable value swapped in whole, so a reader sees a match
 * before or after a unit, never half of it.
 *
 * <p>Memory is bounded by the live data: ready matches leave with {@link #purgeReadyMatches},
 * and a queue's entry leaves with its waiting match.
 */
public final class InMemoryMatchRepository implements MatchRepository {

    private static final int LOCK_STRIPES = 256;

    private final Object[] locks = new Object[LOCK_STRIPES];
    private final MemoryState state = new MemoryState();

    /** An empty store. */
    public InMemoryMatchRepository() {
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    @Override
    public <T> T inQueue(QueueName queue, QueueWork<T> work) {
        Objects.requireNonNull(queue, "queue");
        synchronized (locks[Math.floorMod(queue.hashCode(), LOCK_STRIPES)]) {
            WorkResult<T> unit = work.decide(new MemoryQueueReads(queue, state));
            if (unit.changes().isEmpty() || state.apply(queue, unit.changes())) {
                return unit.answer();
            }
        }
        // a unit of another queue claimed one of the players or keys since this one read them
        throw new UnitNotCommittedException(RetryReason.CLAIM_CONFLICT, "a claim of queue " + queue + " was taken", null);
    }

    @Override
    public Optional<Match> findMatch(MatchId id) {
        return Optional.ofNullable(state.matches.get(id));
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(IdempotencyRecord.Id id) {
        return Optional.ofNullable(state.records.get(id));
    }

    @Override
    public Optional<WaitingPlayer> findWaitingPlayer(PlayerId player) {
        return Optional.ofNullable(state.places.get(player));
    }

    @Override
    public Optional<Match> findCurrentMatchOf(PlayerId player) {
        return state.currentMatchOf(player);
    }

    @Override
    public List<QueueStats> queues() {
        return state.queues();
    }

    @Override
    public int purgeReadyMatches(Instant readyBefore) {
        return state.purgeReadyMatches(readyBefore);
    }

    /** An in-process log, lost with the process like everything else of this store. */
    @Override
    public Optional<Outbox> outbox() {
        return Optional.of(state.outbox);
    }

    /** How many entries each structure holds; for tests that prove memory stays bounded. */
    StoreSizes sizes() {
        return state.sizes();
    }
}
