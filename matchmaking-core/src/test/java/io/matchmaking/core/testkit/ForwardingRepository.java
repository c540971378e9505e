package io.matchmaking.core.testkit;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.Outbox;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A store that hands every call to another; a test overrides the calls it wants to watch or disturb. */
public class ForwardingRepository implements MatchRepository {

    private final MatchRepository store;

    /** Forwards to {@code store}. */
    public ForwardingRepository(MatchRepository store) {
        this.store = store;
    }

    @Override
    public <T> T inQueue(QueueName queue, QueueWork<T> work) {
        return store.inQueue(queue, work);
    }

    @Override
    public Optional<Match> findMatch(MatchId id) {
        return store.findMatch(id);
    }

    @Override
    public List<Match> findMatches(Collection<MatchId> ids) {
        return store.findMatches(ids);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(IdempotencyRecord.Id id) {
        return store.findIdempotencyRecord(id);
    }

    @Override
    public Optional<WaitingPlayer> findWaitingPlayer(PlayerId player) {
        return store.findWaitingPlayer(player);
    }

    @Override
    public Optional<Match> findCurrentMatchOf(PlayerId player) {
        return store.findCurrentMatchOf(player);
    }

    @Override
    public List<QueueStats> queues() {
        return store.queues();
    }

    @Override
    public int purgeReadyMatches(Instant readyBefore) {
        return store.purgeReadyMatches(readyBefore);
    }

    @Override
    public Optional<Instant> now() {
        return store.now();
    }

    @Override
    public Optional<Outbox> outbox() {
        return store.outbox();
    }

    @Override
    public boolean isAvailable() {
        return store.isAvailable();
    }

    /** Leaves closing to the test's own repository. */
    @Override
    public void close() {
    }
}
