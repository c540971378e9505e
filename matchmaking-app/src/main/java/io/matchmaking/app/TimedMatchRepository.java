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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times every store operation ({@code matchmaking.store.operations}, by operation and outcome). It
 * lives here, where the server is put together, because it is the one piece that knows both the
 * storage port and the metrics: the HTTP adapter knows neither the port nor the stores.
 */
final class TimedMatchRepository implements MatchRepository {

    private final MatchRepository store;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    TimedMatchRepository(MatchRepository store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public <T> T inQueue(QueueName queue, QueueWork<T> work) {
        return timed("in_queue", () -> store.inQueue(queue, work));
    }

    @Override
    public Optional<Match> findMatch(MatchId id) {
        return timed("find_match", () -> store.findMatch(id));
    }

    @Override
    public List<Match> findMatches(Collection<MatchId> ids) {
        return timed("find_matches", () -> store.findMatches(ids));
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(IdempotencyRecord.Id id) {
        return timed("find_idempotency_record", () -> store.findIdempotencyRecord(id));
    }

    @Override
    public Optional<WaitingPlayer> findWaitingPlayer(PlayerId player) {
        return timed("find_waiting_player", () -> store.findWaitingPlayer(player));
    }

    @Override
    public Optional<Match> findCurrentMatchOf(PlayerId player) {
        return timed("find_current_match", () -> store.findCurrentMatchOf(player));
    }

    @Override
    public List<QueueStats> queues() {
        return timed("queues", store::queues);
    }

    @Override
    public int purgeReadyMatches(Instant readyBefore) {
        return timed("purge_ready_matches", () -> store.purgeReadyMatches(readyBefore));
    }

    @Override
    public Optional<Outbox> outbox() {
        return store.outbox();
    }

    @Override
    public boolean isAvailable() {
        return store.isAvailable();
    }

    @Override
    public void close() {
        store.close();
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } finally {
            timer(operation, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** Timers are looked up once per operation and outcome, not built for every call. */
    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(operation + '/' + outcome, key -> Timer.builder("matchmaking.store.operations")
                .description("Latency of store operations")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry));
    }
}
