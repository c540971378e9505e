package io.matchmaking.store.mysql;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueReads;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The reads of one unit, inside its transaction, after the queue's row is locked: plain reads by
 * primary key. The waiting matches came with the lock.
 */
final class MySqlQueueReads implements QueueReads {

    private final Handle handle;
    private final QueueName queue;
    private final List<Match> waitingMatches;
    private final Instant now;

    /** {@code waitingMatches} and the database's {@code now} were read with the queue's lock. */
    MySqlQueueReads(Handle handle, QueueName queue, List<Match> waitingMatches, Instant now) {
        this.handle = handle;
        this.queue = queue;
        this.waitingMatches = List.copyOf(waitingMatches);
        this.now = now;
    }

    @Override
    public Optional<Instant> now() {
        return Optional.of(now);
    }

    @Override
    public List<Match> waitingMatches() {
        return waitingMatches;
    }

    @Override
    public Map<PlayerId, WaitingPlayer> waitingPlayers(Collection<PlayerId> players) {
        if (players.isEmpty()) {
            return Map.of();
        }
        return handle.createQuery("SELECT " + Rows.WAITING_COLUMNS + " FROM mm_waiting WHERE player_id IN (<ids>)")
                .bindList("ids", new LinkedHashSet<>(players).stream().map(PlayerId::value).toList())
                .map(Rows.WAITING)
                .stream()
                .collect(Collectors.toMap(WaitingPlayer::player, Function.identity()));
    }

    @Override
    public Map<IdempotencyRecord.Id, IdempotencyRecord> idempotencyRecords(Collection<IdempotencyRecord.Id> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<IdempotencyRecord.Id> wanted = new HashSet<>(ids);
        // by the primary key's two columns; a pair that matches both lists but was not asked for is dropped
        return handle.createQuery("SELECT " + Rows.RECORD_COLUMNS + " FROM mm_idempotency"
                        + " WHERE player_id IN (<players>) AND idem_key IN (<keys>)")
                .bindList("players", wanted.stream().map(id -> id.player().value()).distinct().toList())
                .bindList("keys", wanted.stream().map(id -> id.key().value()).distinct().toList())
                .map(Rows.RECORD)
                .stream()
                .filter(record -> wanted.contains(record.id()))
                .collect(Collectors.toMap(IdempotencyRecord::id, Function.identity()));
    }

    @Override
    public Optional<Match> match(MatchId id) {
        return handle.createQuery("SELECT " + Rows.MATCH_COLUMNS + " FROM mm_match WHERE match_id = :id")
                .bind("id", id.value())
                .map(Rows.MATCH)
                .findOne();
    }
}
