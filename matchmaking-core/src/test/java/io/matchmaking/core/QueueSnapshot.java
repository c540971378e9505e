package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.QueueReads;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One queue's state as plain collections: what a store's unit would read under the lock, and the
 * simplest store there is for it (it applies a unit's changes as {@link QueueChanges} orders them),
 * so the rules can be tested with no store at all.
 */
final class QueueSnapshot implements QueueReads {

    final QueueName queue;
    final int matchSize;
    final List<Match> waiting = new ArrayList<>();
    final Map<MatchId, Match> matches;
    final Map<PlayerId, WaitingPlayer> places;
    final Map<IdempotencyRecord.Id, IdempotencyRecord> records;

    QueueSnapshot(QueueName queue, int matchSize) {
        this(queue, matchSize, new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    /** A queue that shares matches, places and records with other queues ({@link SnapshotStore}). */
    QueueSnapshot(QueueName queue, int matchSize, Map<MatchId, Match> matches, Map<PlayerId, WaitingPlayer> places,
            Map<IdempotencyRecord.Id, IdempotencyRecord> records) {
        this.queue = queue;
        this.matchSize = matchSize;
        this.matches = matches;
        this.places = places;
        this.records = records;
    }

    /** Adds a waiting match holding {@code players}, each a solo ticket, all joined at {@code at}. */
    Match waiting(String id, Instant at, String... players) {
        Match match = Match.open(MatchId.of(id), queue, matchSize, at);
        for (String player : players) {
            match = match.withPlayer(PlayerId.of(player), at);
            places.put(PlayerId.of(player), new WaitingPlayer(PlayerId.of(player), queue, match.id(), at, at));
        }
        waiting.add(match);
        matches.put(match.id(), match);
        return match;
    }

    /** Commits one unit's changes. */
    void apply(QueueChanges changes) {
        changes.released().forEach(places::remove);
        changes.claimed().forEach(place -> places.put(place.player(), place));
        changes.refreshed().forEach(place -> places.put(place.player(), place));
        for (Match match : changes.savedMatches()) {
            matches.put(match.id(), match);
            int index = indexOf(match.id());
            if (index >= 0 && match.isReady()) {
                waiting.remove(index);
            } else if (index >= 0) {
                waiting.set(index, match);
            } else if (!match.isReady()) {
                waiting.add(match);
            }
        }
        for (MatchId id : changes.deletedMatches()) {
            matches.remove(id);
            waiting.removeIf(match -> match.id().equals(id));
        }
        changes.recorded().forEach(record -> records.put(record.id(), record));
    }

    private int indexOf(MatchId id) {
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public List<Match> waitingMatches() {
        return List.copyOf(waiting);
    }

    @Override
    public Map<PlayerId, WaitingPlayer> waitingPlayers(Collection<PlayerId> players) {
        Map<PlayerId, WaitingPlayer> found = new HashMap<>();
        players.forEach(player -> Optional.ofNullable(places.get(player)).ifPresent(place -> found.put(player, place)));
        return found;
    }

    @Override
    public Map<IdempotencyRecord.Id, IdempotencyRecord> idempotencyRecords(Collection<IdempotencyRecord.Id> ids) {
        Map<IdempotencyRecord.Id, IdempotencyRecord> found = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(records.get(id)).ifPresent(record -> found.put(id, record)));
        return found;
    }

    @Override
    public Optional<Match> match(MatchId id) {
        return Optional.ofNullable(matches.get(id));
    }
}
