package io.matchmaking.store.mysql;

import io.matchmaking.core.event.EventType;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.OutboxStats;
import io.matchmaking.core.event.PendingEvent;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.store.Outbox;
import io.matchmaking.core.store.QueueChanges;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The outbox in {@code mm_outbox}: written by a unit's own transaction ({@link #write}), claimed in
 * short transactions of their own with {@code FOR UPDATE SKIP LOCKED}, so claimers on many
 * instances never wait for each other nor take the same event, and never hold a queue's lock.
 */
final class MySqlOutbox implements Outbox {

    private static final String COLUMNS = "seq, event_id, type, event_player, occurred_at, failed_attempts, delivered_to, "
            + Rows.MATCH_COLUMNS;

    private final Jdbi jdbi;
    private final FailedTransactions transactions;

    MySqlOutbox(Jdbi jdbi, FailedTransactions transactions) {
        this.jdbi = jdbi;
        this.transactions = transactions;
    }

    /** Writes the outbox events of {@code changes} in the unit's transaction on {@code handle}, due as they say. */
    static void write(Handle handle, QueueChanges changes) {
        if (changes.outbox().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO mm_outbox (event_id, type, event_player, occurred_at,"
                + " due_at, " + Rows.MATCH_COLUMNS + ") VALUES (:event, :type, :player, :occurred, :due,"
                + " :id, :queue, :size, :status, :players, :updated, :ready, :version)");
        for (OutboxEvent event : changes.outbox()) {
            batch.bind("event", event.id())
                    .bind("due", changes.outboxDueAt(event).toEpochMilli())
                    .bind("type", event.type().name())
                    .bind("player", event.player().map(PlayerId::value).orElse(null))
                    .bind("occurred", event.occurredAt().toEpochMilli())
                    .bind("id", event.match().id().value())
                    .bind("queue", event.match().queue().value())
                    .bind("size", event.match().size())
                    .bind("status", Rows.status(event.match()))
                    .bind("players", Rows.players(event.match().players()))
                    .bind("updated", event.match().updatedAt().toEpochMilli())
                    .bind("ready", event.match().readyAt() == null ? null : event.match().readyAt().toEpochMilli())
                    .bind("version", event.match().version())
                    .add();
        }
        batch.execute();
    }

    @Override
    public List<PendingEvent> claimDue(int max, Instant now, Instant leaseUntil) {
        return transactions.run("claim of outbox events", () -> jdbi.inTransaction(handle -> {
            List<Claimed> due = handle.createQuery("SELECT " + COLUMNS + " FROM mm_outbox"
                            + " WHERE failed = FALSE AND due_at <= :now ORDER BY seq LIMIT :max FOR UPDATE SKIP LOCKED")
                    .bind("now", now.toEpochMilli())
                    .bind("max", max)
                    .map((rs, ctx) -> new Claimed(rs.getLong("seq"), new PendingEvent(new OutboxEvent(
                            rs.getString("event_id"),
                            EventType.valueOf(rs.getString("type")),
                            Rows.MATCH.map(rs, ctx),
                            Optional.ofNullable(rs.getString("event_player")).map(PlayerId::of),
                            Instant.ofEpochMilli(rs.getLong("occurred_at"))), rs.getInt("failed_attempts"),
                            destinations(rs.getString("delivered_to")))))
                    .list();
            if (!due.isEmpty()) {
                handle.createUpdate("UPDATE mm_outbox SET due_at = :lease WHERE seq IN (<seqs>)")
                        .bind("lease", leaseUntil.toEpochMilli())
                        .bindList("seqs", due.stream().map(Claimed::seq).toList())
                        .execute();
            }
            return due.stream().map(Claimed::pending).toList();
        }));
    }

    /** The destinations of a {@code delivered_to} column: one per line (a URL has no line break), none when NULL. */
    private static Set<String> destinations(String column) {
        return column == null ? Set.of() : Set.of(column.split("\n"));
    }

    /** A claimed row: its place in the order written, and the event. */
    private record Claimed(long seq, PendingEvent pending) {
    }

    @Override
    public void delivered(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        transactions.run("delivery of outbox events", () -> jdbi.inTransaction(handle -> handle
                .createUpdate("DELETE FROM mm_outbox WHERE event_id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .execute()));
    }

    @Override
    public void retryAt(String id, int failedAttempts, Instant next, Set<String> deliveredTo) {
        transactions.run("retry of an outbox event", () -> jdbi.inTransaction(handle -> handle
                .createUpdate("UPDATE mm_outbox SET failed_attempts = :attempts, due_at = :next, delivered_to = :to"
                        + " WHERE event_id = :id")
                .bind("attempts", failedAttempts)
                .bind("next", next.toEpochMilli())
                .bind("to", deliveredTo.isEmpty() ? null : deliveredTo.stream().sorted().collect(Collectors.joining("\n")))
                .bind("id", id)
                .execute()));
    }

    @Override
    public void failed(String id, int failedAttempts) {
        transactions.run("failure of an outbox event", () -> jdbi.inTransaction(handle -> handle
                .createUpdate("UPDATE mm_outbox SET failed_attempts = :attempts, failed = TRUE WHERE event_id = :id")
                .bind("attempts", failedAttempts)
                .bind("id", id)
                .execute()));
    }

    @Override
    public OutboxStats stats() {
        return transactions.run("outbox figures", () -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT COALESCE(SUM(failed = FALSE), 0) AS undelivered, COALESCE(SUM(failed), 0) AS failed,"
                        + " MIN(CASE WHEN failed = FALSE THEN occurred_at END) AS oldest FROM mm_outbox")
                .map((rs, ctx) -> {
                    long oldest = rs.getLong("oldest");
                    Optional<Instant> oldestUndelivered = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
                    return new OutboxStats(rs.getLong("undelivered"), rs.getLong("failed"), oldestUndelivered);
                })
                .one()));
    }
}
