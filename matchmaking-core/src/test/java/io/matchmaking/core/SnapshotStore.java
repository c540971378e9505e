package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.WorkResult;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simplest whole store for the core's own tests: {@link QueueSnapshot}s that share their
 * matches, places and records, one unit at a time. Failures can be scripted: each scripted failure
 * is thrown by one attempt after it decided, as a real store's would be.
 */
final class SnapshotStore implements MatchRepository {

    private final int matchSize;
    private final Map<MatchId, Match> matches = new HashMap<>();
    private final Map<PlayerId, WaitingPlayer> places = new HashMap<>();
    private final Map<IdempotencyRecord.Id, IdempotencyRecord> records = new HashMap<>();
    private final Map<QueueName, QueueSnapshot> queues = new LinkedHashMap<>();
    private final Map<QueueName, Deque<RuntimeException>> failures = new HashMap<>();
    private final Deque<RuntimeException> purgeFailures = new ArrayDeque<>();
    int units;
    int purges;

    SnapshotStore(int matchSize) {
        this.matchSize = matchSize;
    }

    /** The next attempts at units of {@code queue} fail with these, one each. */
    synchronized SnapshotStore failNext(QueueName queue, RuntimeException... next) {
        failures.computeIfAbsent(queue, name -> new ArrayDeque<>()).addAll(List.of(next));
        return this;
    }

    /** The next purges fail with these, one each. */
    synchronized SnapshotStore failNextPurges(RuntimeException... next) {
        purgeFailures.addAll(List.of(next));
        return this;
    }

    synchronized Map<PlayerId, WaitingPlayer> places() {
        return Map.copyOf(places);
    }

    private QueueSnapshot queue(QueueName name) {
        return queues.computeIfAbsent(name, key -> new QueueSnapshot(key, matchSize, matches, places, records));
    }

    @Override
    public synchronized <T> T inQueue(QueueName name, QueueWork<T> work) {
        units++;
        QueueSnapshot queue = queue(name);
        WorkResult<T> unit = work.decide(queue);
        RuntimeException failure = failures.getOrDefault(name, new ArrayDeque<>()).poll();
        if (failure != null) {
            throw failure;
        }
        queue.apply(unit.changes());
        return unit.answer();
    }

    @Override
    public synchronized Optional<Match> findMatch(MatchId id) {
        return Optional.ofNullable(matches.get(id));
    }

    @Override
    public synchronized Optional<IdempotencyRecord> findIdempotencyRecord(IdempotencyRecord.Id id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized Optional<WaitingPlayer> findWaitingPlayer(PlayerId player) {
        return Optional.ofNullable(places.get(player));
    }

    @Override
    public synchronized Optional<Match> findCurrentMatchOf(PlayerId player) {
        WaitingPlayer place = places.get(player);
        if (place != null) {
            return findMatch(place.matchId());
        }
        return matches.values().stream().filter(match -> match.isReady() && match.contains(player))
                .max((a, b) -> a.readyAt().compareTo(b.readyAt()));
    }

    @Override
    public synchronized List<QueueStats> queues() {
        return queues.values().stream().filter(queue -> !queue.waiting.isEmpty())
                .map(queue -> new QueueStats(queue.queue, queue.waitingMatches(),
                        places.values().stream().filter(place -> place.queue().equals(queue.queue)).toList()))
                .toList();
    }

    @Override
    public synchronized int purgeReadyMatches(Instant readyBefore) {
        purges++;
        RuntimeException failure = purgeFailures.poll();
        if (failure != null) {
            throw failure;
        }
        List<MatchId> purged = matches.values().stream()
                .filter(match -> match.isReady() && match.readyAt().isBefore(readyBefore)).map(Match::id).toList();
        purged.forEach(matches::remove);
        records.values().removeIf(record -> record.createdAt().isBefore(readyBefore));
        return purged.size();
    }
}
