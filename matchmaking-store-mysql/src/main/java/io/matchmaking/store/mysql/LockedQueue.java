package io.matchmaking.store.mysql;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.QueueName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a unit read with its queue's lock: the waiting matches in the order opened, and the
 * database's clock. The queue's row in {@code mm_queue} is the queue's single serialization point
 * across instances.
 */
record LockedQueue(List<Match> waiting, Instant now) {

    /**
     * Locks the queue's row by primary key (creating it first if needed) and answers its waiting
     * matches and the database's time, read in the same statement.
     */
    static LockedQueue lock(Handle handle, QueueName queue) {
        Optional<LockedQueue> locked = selectForUpdate(handle, queue);
        if (locked.isEmpty()) {
            handle.createUpdate("INSERT INTO mm_queue (queue) VALUES (:queue) ON DUPLICATE KEY UPDATE queue = queue")
                    .bind("queue", queue.value())
                    .execute();
            locked = selectForUpdate(handle, queue);
        }
        return locked.orElseThrow(() -> new IllegalStateException("queue row vanished under its lock"));
    }

    /**
     * The queue's row if there is one, with its waiting matches. The queue's row is read (and
     * locked) first, as in every unit; the waiting matches come through the (queue, status, seq)
     * index, and under READ COMMITTED only the rows read are locked, no gaps: nothing else locks
     * a waiting match without holding its queue's row.
     */
    private static Optional<LockedQueue> selectForUpdate(Handle handle, QueueName queue) {
        List<Map.Entry<Optional<Match>, Instant>> rows = handle.createQuery("SELECT q.queue AS locked_queue, m.*, "
                        + Rows.DATABASE_NOW + " AS database_now FROM mm_queue q"
                        + " LEFT JOIN mm_match m ON m.queue = q.queue AND m.status = 'waiting'"
                        + " WHERE q.queue = :queue ORDER BY m.seq FOR UPDATE")
                .bind("queue", queue.value())
                .map((rs, ctx) -> Map.entry(rs.getString("match_id") == null
                        ? Optional.<Match>empty() : Optional.of(Rows.MATCH.map(rs, ctx)),
                        Instant.ofEpochMilli(rs.getLong("database_now"))))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Match> waiting = rows.stream().map(Map.Entry::getKey).flatMap(Optional::stream).toList();
        return Optional.of(new LockedQueue(waiting, rows.get(0).getValue()));
    }
}
