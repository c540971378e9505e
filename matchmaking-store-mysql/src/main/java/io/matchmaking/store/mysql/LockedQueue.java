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
     * The queue's row if there is one, with its waiting matches in the order opened. The row is
     * read (and locked) first, as in every unit, with the queue's oldest waiting match by primary
     * key in the same statement. Only a queue whose row says it has more (a party that did not fit
     * the oldest opened another) reads them all, through the (queue, status, seq) index: under READ
     * COMMITTED only the rows read are locked, no gaps, and nothing else locks a waiting match
     * without holding its queue's row.
     */
    private static Optional<LockedQueue> selectForUpdate(Handle handle, QueueName queue) {
        Optional<Row> row = handle.createQuery("SELECT q.queue AS locked_queue, q.more_waiting, m.*, "
                        + Rows.DATABASE_NOW + " AS database_now FROM mm_queue q"
                        + " LEFT JOIN mm_match m ON m.match_id = q.waiting_match_id AND m.status = 'waiting'"
                        + " WHERE q.queue = :queue FOR UPDATE")
                .bind("queue", queue.value())
                .map((rs, ctx) -> new Row(rs.getString("match_id") == null ? null : Rows.MATCH.map(rs, ctx),
                        rs.getBoolean("more_waiting"), Instant.ofEpochMilli(rs.getLong("database_now"))))
                .findOne();
        return row.map(locked -> new LockedQueue(locked.moreWaiting() ? allWaiting(handle, queue)
                : locked.oldest() == null ? List.of() : List.of(locked.oldest()), locked.databaseNow()));
    }

    /** Every waiting match of the queue, sorted here rather than by an ORDER BY (that made MariaDB sort in a temporary table). */
    private static List<Match> allWaiting(Handle handle, QueueName queue) {
        return handle.createQuery("SELECT * FROM mm_match WHERE queue = :queue AND status = 'waiting' FOR UPDATE")
                .bind("queue", queue.value())
                .map((rs, ctx) -> Map.entry(rs.getLong("seq"), Rows.MATCH.map(rs, ctx)))
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The lock's read: the queue's oldest waiting match (null when none), whether it has more, the database's clock. */
    private record Row(Match oldest, boolean moreWaiting, Instant databaseNow) {
    }
}
