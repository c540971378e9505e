package io.matchmaking.app;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A store that delegates to a real one, except when a test scripts a failure or a pause before each call. */
final class ScriptedStore implements MatchRepository {

    private final MatchRepository real;
    private final AtomicReference<Runnable> beforeEachCall = new AtomicReference<>(() -> { });
    private final AtomicReference<Runnable> beforeEachUnit = new AtomicReference<>(() -> { });
    private volatile boolean available = true;
    private volatile boolean closed;

    ScriptedStore(MatchRepository real) {
        this.real = real;
    }

    /** Runs {@code action} before every store call from now on (throw to fail the call, block to pause it). */
    void beforeEachCall(Runnable action) {
        beforeEachCall.set(action);
    }

    /** Runs {@code action} before every unit of work (joins, leaves), not before reads. */
    void beforeEachUnit(Runnable action) {
        beforeEachUnit.set(action);
    }

    boolean isClosed() {
        return closed;
    }

    void available(boolean value) {
        available = value;
    }

    private <T> T call(Supplier<T> delegate) {
        beforeEachCall.get().run();
        return delegate.get();
    }

    @Override
    public <T> T inQueue(QueueName queue, QueueWork<T> work) {
        beforeEachUnit.get().run();
        return call(() -> real.inQueue(queue, work));
    }

    @Override
    public Optional<Match> findMatch(MatchId id) {
        return call(() -> real.findMatch(id));
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(IdempotencyRecord.Id id) {
        return call(() -> real.findIdempotencyRecord(id));
    }

    @Override
    public Optional<WaitingPlayer> findWaitingPlayer(PlayerId player) {
        return call(() -> real.findWaitingPlayer(player));
    }

    @Override
    public Optional<Match> findCurrentMatchOf(PlayerId player) {
        return call(() -> real.findCurrentMatchOf(player));
    }

    @Override
    public List<QueueStats> queues() {
        return call(real::queues);
    }

    @Override
    public int purgeReadyMatches(Instant readyBefore) {
        return call(() -> real.purgeReadyMatches(readyBefore));
    }

    @Override
    public Optional<Outbox> outbox() {
        return real.outbox();
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public void close() {
        closed = true;
        real.close();
    }
}
