package io.matchmaking.store.mysql;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * What the sweep deletes for good, in batches of short transactions that hold no queue's lock
 * (ready matches never change): idempotency records and ready matches past the retention, the
 * rows of idle queues, unit markers nobody can still need.
 */
final class Purges {

    private static final int PURGE_BATCH = 500;

    private final Jdbi jdbi;
    private final FailedTransactions transactions;
    private final Supplier<Instant> databaseNow;

    Purges(Jdbi jdbi, FailedTransactions transactions, Supplier<Instant> databaseNow) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.databaseNow = databaseNow;
    }

    /**
     * Purges ready matches past {@code readyBefore}, then the rows of queues that have no waiting
     * match: a unit leaves its queue's row in place when the queue's match becomes ready, so that
     * the queue's next unit finds it (one statement, not three), and queue names nobody uses any
     * more leave nothing behind past the next purge.
     */
    int purgeReadyMatches(Instant readyBefore) {
        // records first: a record whose match is gone would have nothing to answer
        int records;
        do {
            records = transactions.run("purge of idempotency records", () -> jdbi.inTransaction(handle -> handle
                    .createUpdate("DELETE FROM mm_idempotency WHERE created_at < :cutoff LIMIT " + PURGE_BATCH)
                    .bind("cutoff", readyBefore.toEpochMilli())
                    .execute()));
        } while (records == PURGE_BATCH);
        int purged = 0;
        int batch;
        do {
            batch = transactions.run("purge", () -> jdbi.inTransaction(handle -> {
                List<String> ids = handle.createQuery("SELECT match_id FROM mm_match WHERE ready_at < :cutoff"
                                + " ORDER BY ready_at LIMIT " + PURGE_BATCH)
                        .bind("cutoff", readyBefore.toEpochMilli())
                        .mapTo(String.class)
                        .list();
                if (!ids.isEmpty()) {
                    handle.createUpdate("DELETE FROM mm_seat WHERE match_id IN (<ids>)").bindList("ids", ids).execute();
                    handle.createUpdate("DELETE FROM mm_match WHERE match_id IN (<ids>)").bindList("ids", ids).execute();
                }
                return ids.size();
            }));
            purged += batch;
        } while (batch == PURGE_BATCH);
        purgeIdleQueueRows();
        purgeUnitMarkers();
        return purged;
    }

    private void purgeUnitMarkers() {
        Instant now = databaseNow.get();
        int batch;
        do {
            batch = transactions.run("purge of unit markers", () -> jdbi.inTransaction(handle -> UnitMarkers.purge(handle, now)));
        } while (batch == UnitMarkers.PURGE_BATCH);
    }

    private void purgeIdleQueueRows() {
        transactions.run("purge of idle queue rows", () -> jdbi.inTransaction(handle -> {
            List<String> idle = handle.createQuery("SELECT queue FROM mm_queue WHERE waiting_match_id IS NULL")
                    .mapTo(String.class)
                    .list();
            if (idle.isEmpty()) {
                return 0;
            }
            // by primary key, and only if still idle once locked: a unit that holds the row and
            // gives the queue a new waiting match keeps it (the condition is checked again after
            // the lock wait); a unit that waits for the deleted row creates it again
            return handle.createUpdate("DELETE FROM mm_queue WHERE queue IN (<queues>) AND waiting_match_id IS NULL")
                    .bindList("queues", idle)
                    .execute();
        }));
    }
}
