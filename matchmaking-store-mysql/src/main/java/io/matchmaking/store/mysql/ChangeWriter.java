package io.matchmaking.store.mysql;

import io.matchmaking.core.RetryReason;
import io.matchmaking.core.UnitNotCommittedException;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.WaitingPlayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes one unit's changes inside its transaction, in the order {@link QueueChanges} defines.
 * Rows of many players or matches go in one batched statement each.
 */
final class ChangeWriter {

    private final Handle handle;
    private final QueueName queue;
    private final MySqlQueueReads unit;

    ChangeWriter(Handle handle, QueueName queue, MySqlQueueReads unit) {
        this.handle = handle;
        this.queue = queue;
        this.unit = unit;
    }

    void apply(QueueChanges changes) {
        Map<MatchId, Match> before = new LinkedHashMap<>();
        unit.waitingMatches().forEach(match -> before.put(match.id(), match));
        release(changes.released());
        claim(changes.claimed());
        refresh(changes.refreshed());
        PreparedBatch seats = handle.prepareBatch(
                "INSERT INTO mm_seat (match_id, position, player_id) VALUES (:match, :position, :player)");
        PreparedBatch inserts = handle.prepareBatch("INSERT INTO mm_match (" + Rows.MATCH_COLUMNS
                + ") VALUES (:id, :queue, :size, :status, :players, :updated, :ready, :version)");
        for (Match match : changes.savedMatches()) {
            Match stored = before.get(match.id());
            if (stored != null) {
                update(stored, match, seats);
            } else {
                insert(match, inserts, seats);
            }
        }
        // matches before seats: a batch of joins makes many matches, each a row of one statement
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (seats.size() > 0) {
            seats.execute();
        }
        delete(changes.deletedMatches());
        describeWaitingMatchesInQueueRow(before, changes);
        record(changes.recorded());
        MySqlOutbox.write(handle, changes);
    }

    /** A record whose key another unit wrote first refuses this unit, which runs again and finds it. */
    private void record(List<IdempotencyRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO mm_idempotency (" + Rows.RECORD_COLUMNS
                + ") VALUES (:player, :key, :request, :match, :created)");
        for (IdempotencyRecord record : records) {
            batch.bind("player", record.id().player().value())
                    .bind("key", record.id().key().value())
                    .bind("request", record.request())
                    .bind("match", record.match().value())
                    .bind("created", record.createdAt().toEpochMilli())
                    .add();
        }
        executeClaiming(batch);
    }

    private void release(List<PlayerId> players) {
        if (!players.isEmpty()) {
            handle.createUpdate("DELETE FROM mm_waiting WHERE queue = :queue AND player_id IN (<ids>)")
                    .bind("queue", queue.value())
                    .bindList("ids", players.stream().map(PlayerId::value).toList())
                    .execute();
        }
    }

    private void claim(List<WaitingPlayer> places) {
        if (places.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO mm_waiting (" + Rows.WAITING_COLUMNS
                + ") VALUES (:player, :queue, :match, :joined, :last, :ticket)");
        places.forEach(place -> bindPlace(batch, place).bind("ticket", place.ticket().value()).add());
        executeClaiming(batch);
    }

    /**
     * Runs a batch of rows a primary key may refuse (mm_waiting's, mm_idempotency's): then another
     * queue's unit claimed the player or the key first, and the next attempt will see its claim.
     */
    private void executeClaiming(PreparedBatch batch) {
        try {
            batch.execute();
        } catch (RuntimeException e) {
            if (SqlFailure.isDuplicateKey(e)) {
                throw new UnitNotCommittedException(RetryReason.CLAIM_CONFLICT,
                        "unit of queue " + queue + ": a claim was taken first", e);
            }
            throw e;
        }
    }

    private void refresh(List<WaitingPlayer> places) {
        if (places.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("UPDATE mm_waiting SET last_join_at = :last"
                + " WHERE player_id = :player AND queue = :queue AND match_id = :match AND joined_at = :joined");
        places.forEach(place -> bindPlace(batch, place).add());
        batch.execute();
    }

    private static PreparedBatch bindPlace(PreparedBatch batch, WaitingPlayer place) {
        return batch.bind("player", place.player().value())
                .bind("queue", place.queue().value())
                .bind("match", place.matchId().value())
                .bind("joined", place.joinedAt().toEpochMilli())
                .bind("last", place.lastJoinAt().toEpochMilli());
    }

    private static void insert(Match match, PreparedBatch inserts, PreparedBatch seats) {
        inserts.bind("id", match.id().value())
                .bind("queue", match.queue().value())
                .bind("size", match.size())
                .bind("status", Rows.status(match))
                .bind("players", Rows.players(match.players()))
                .bind("updated", match.updatedAt().toEpochMilli())
                .bind("ready", Rows.readyAt(match))
                .bind("version", match.version())
                .add();
        addSeats(match, seats, 0);
    }

    /** The waiting match changes by version: a second writer the lock failed to stop would update nothing. */
    private void update(Match before, Match after, PreparedBatch seats) {
        int updated = handle.createUpdate("UPDATE mm_match SET status = :status, players = :players,"
                        + " updated_at = :updated, ready_at = :ready, version = :version"
                        + " WHERE match_id = :id AND version = :expected")
                .bind("status", Rows.status(after))
                .bind("players", Rows.players(after.players()))
                .bind("updated", after.updatedAt().toEpochMilli())
                .bind("ready", Rows.readyAt(after))
                .bind("version", after.version())
                .bind("id", after.id().value())
                .bind("expected", before.version())
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("match " + after.id() + " changed under the queue lock");
        }
        List<PlayerId> old = before.players();
        boolean onlyAppended = after.players().size() >= old.size()
                && after.players().subList(0, old.size()).equals(old);
        if (onlyAppended) {
            addSeats(after, seats, old.size());
        } else {
            handle.createUpdate("DELETE FROM mm_seat WHERE match_id = :id").bind("id", after.id().value()).execute();
            addSeats(after, seats, 0);
        }
    }

    private static void addSeats(Match match, PreparedBatch seats, int fromPosition) {
        for (int position = fromPosition; position < match.players().size(); position++) {
            seats.bind("match", match.id().value())
                    .bind("position", position)
                    .bind("player", match.players().get(position).value())
                    .add();
        }
    }

    private void delete(List<MatchId> matches) {
        if (matches.isEmpty()) {
            return;
        }
        List<String> ids = matches.stream().map(MatchId::value).toList();
        handle.createUpdate("DELETE FROM mm_seat WHERE match_id IN (<ids>)").bindList("ids", ids).execute();
        handle.createUpdate("DELETE FROM mm_match WHERE match_id IN (<ids>)").bindList("ids", ids).execute();
    }

    /**
     * The queue row names its oldest waiting match, or none once it has none, and says whether it
     * has more ({@link LockedQueue} reads them only then); instances of schema version 3 read the
     * oldest as their one waiting match during a rolling upgrade. The row itself stays for the
     * queue's next unit; the purge removes rows left idle.
     */
    private void describeWaitingMatchesInQueueRow(Map<MatchId, Match> before, QueueChanges changes) {
        Map<MatchId, Match> after = new LinkedHashMap<>(before);
        changes.savedMatches().forEach(match -> after.put(match.id(), match));
        changes.deletedMatches().forEach(after::remove);
        List<Match> waitingAfter = after.values().stream().filter(match -> !match.isReady()).toList();
        String oldestBefore = before.keySet().stream().findFirst().map(MatchId::value).orElse(null);
        String oldestAfter = waitingAfter.isEmpty() ? null : waitingAfter.get(0).id().value();
        boolean moreAfter = waitingAfter.size() > 1;
        if (!Objects.equals(oldestAfter, oldestBefore) || moreAfter != before.size() > 1) {
            handle.createUpdate("UPDATE mm_queue SET waiting_match_id = :id, more_waiting = :more WHERE queue = :queue")
                    .bind("id", oldestAfter)
                    .bind("more", moreAfter)
                    .bind("queue", queue.value())
                    .execute();
        }
    }
}
