package io.matchmaking.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import com.mysql.cj.jdbc.JdbcConnection;
import io.matchmaking.core.MatchmakingException;
import io.matchmaking.core.OutcomeUnknownException;
import io.matchmaking.core.RetryReason;
import io.matchmaking.core.StoreUnavailableException;
import io.matchmaking.core.UnitNotCommittedException;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.UnitOfWork;
import io.matchmaking.core.store.WaitingPlayer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MatchRepository} on MySQL 8 / MariaDB 10.6+: any number of instances may share one
 * database, and every rule holds across them.
 *
 * <p>A unit of work is one transaction (READ COMMITTED) that first locks its queue's row in
 * {@code mm_queue} by primary key ({@code SELECT ... FOR UPDATE}), reading the queue's waiting match
 * in the same statement: that row is the queue's single serialization point across instances.
 * Deadlocks and lock wait timeouts are retried a bounded number of times; an unreachable database
 * is a {@link StoreUnavailableException} at once. A unit returns only after its commit, so an
 * answer means durable.
 *
 * <p>Only one unit of a queue runs at a time, so its round trips are the queue's throughput: a unit
 * sends its statements and a {@code COMMIT}, nothing else (the store's own pool never runs in
 * autocommit mode, and the queue's row outlives its waiting match until the purge).
 */
public final class MySqlMatchRepository implements MatchRepository {

    private static final int PURGE_BATCH = 500;
    /** A database that answered a unit or a read this recently is up: readiness asks for no connection. */
    private static final Duration RECENTLY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(MySqlMatchRepository.class);

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final FailedTransactions transactions;
    private final CommitOutcomes outcomes;
    private final RecentAnswers answers = new RecentAnswers();
    private final boolean ownsDataSource;
    private final String description;

    private MySqlMatchRepository(DataSource dataSource, boolean ownsDataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
        this.jdbi = Jdbi.create(dataSource);
        // begins and commits its own transactions whatever the connection's autocommit mode: on the
        // store's pool (autocommit off) that is no statement at all, on a caller's pool as before
        jdbi.setTransactionHandler(LocalTransactionHandler.managed());
        FrozenLockHolders frozen = new FrozenLockHolders(dataSource);
        this.transactions = new FailedTransactions(frozen::fence);
        this.outcomes = new CommitOutcomes(dataSource);
        this.ownsDataSource = ownsDataSource;
    }

    /**
     * Opens a connection pool with {@code settings}, creates or migrates the schema, and returns
     * a store that closes the pool when closed.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public static MySqlMatchRepository open(MySqlStoreSettings settings) {
        HikariDataSource pool;
        try {
            pool = ConnectionPools.open(settings);
        } catch (RuntimeException e) {
            throw OpenFailures.describe(settings, e);
        }
        try {
            return new MySqlMatchRepository(pool, true, describe(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * A store on a pool the caller owns (and closes); the schema is migrated first. On a pool in
     * autocommit mode each unit switches autocommit off and on again, two round trips more than on
     * a pool with autocommit off (as {@link #open} configures its own).
     */
    public static MySqlMatchRepository on(DataSource dataSource) {
        return new MySqlMatchRepository(dataSource, false, describe(dataSource));
    }

    /** Migrates the schema, then says what the store is on: server, target and schema version. */
    private static String describe(DataSource dataSource) {
        String schema = SchemaMigrations.migrate(dataSource);
        return ServerVersion.describe(dataSource) + ", schema version " + schema;
    }

    /**
     * What this store is on, for the start-up line: {@code "MariaDB 10.11.19 at db:3306/matchmaking,
     * schema version 1"}. Never a user name or password.
     */
    public String description() {
        return description;
    }

    /**
     * Publishes the connection pool's metrics (HikariCP's own) to a Micrometer {@code MeterRegistry},
     * passed as Object so this module needs no metrics library.
     */
    public void bindPoolMetrics(Object meterRegistry) {
        if (dataSource instanceof HikariDataSource pool) {
            pool.setMetricRegistry(meterRegistry);
        }
    }

    @Override
    public <T> T inQueue(QueueName queue, QueueWork<T> work) {
        try {
            return transactions.run("unit of queue " + queue, () -> attempt(queue, work));
        } catch (StoreUnavailableException unreachable) {
            answers.unreachable();
            throw unreachable;
        }
    }

    /**
     * One transaction of a unit. A unit that writes leaves its marker; when its COMMIT fails
     * without an answer, the outcome is read back ({@link CommitOutcomes}) instead of guessed: a
     * unit that committed answers as committed, one that did not may run again, and one whose outcome
     * cannot be established is an {@link OutcomeUnknownException}, never "did not take effect".
     */
    private <T> T attempt(QueueName queue, QueueWork<T> work) {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            UnitOfWork<T> decided;
            String marker = null;
            try {
                LockedQueue locked = lockQueue(handle, queue);
                answers.answered();
                MySqlQueueUnit unit = new MySqlQueueUnit(handle, queue, locked.waiting(), locked.now());
                decided = work.decide(unit);
                if (!decided.changes().isEmpty()) {
                    new ChangeWriter(handle, queue, unit).apply(decided.changes());
                    // stamped by the database's clock, like every time of record: the purge's cut-off
                    // is the database's too, so no instance's clock can purge a marker still needed
                    marker = UnitMarkers.newId(locked.now());
                    UnitMarkers.leave(handle, marker);
                }
            } catch (RuntimeException | Error failed) {
                rollbackQuietly(handle, failed);
                throw failed;
            }
            if (marker == null) {
                // nothing written: whatever became of the COMMIT, the answer read under the lock stands
                commitQuietly(handle);
                return decided.answer();
            }
            long session = sessionOf(handle);
            try {
                handle.commit();
            } catch (RuntimeException commitFailed) {
                if (SqlFailure.of(commitFailed) != SqlFailure.UNAVAILABLE) {
                    throw commitFailed;
                }
                switch (outcomes.of(session, marker)) {
                    case COMMITTED -> {
                        LOG.info("unit of queue {} committed although its COMMIT's answer was lost", queue);
                        return decided.answer();
                    }
                    // the database answered the read-back, so the next attempt will likely reach it too
                    case NOT_COMMITTED -> throw new UnitNotCommittedException(RetryReason.COMMIT_LOST,
                            "unit of queue " + queue + ": its COMMIT's answer was lost and it did not commit", commitFailed);
                    case UNKNOWN -> throw new OutcomeUnknownException("unit of queue " + queue, commitFailed);
                }
            }
            return decided.answer();
        }
    }

    /** The server's id of the session (Connector/J knows it from the handshake: no round trip). */
    private static long sessionOf(Handle handle) {
        try {
            return handle.getConnection().unwrap(JdbcConnection.class).getId();
        } catch (SQLException notConnectorJ) {
            return handle.createQuery("SELECT CONNECTION_ID()").mapTo(Long.class).one();
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    private static void commitQuietly(Handle handle) {
        try {
            handle.commit();
        } catch (RuntimeException ignored) {
            // a read-only unit: its locks end with the session either way
        }
    }

    /** What a unit read with its queue's lock: the waiting matches in the order opened, and the database's clock. */
    private record LockedQueue(List<Match> waiting, Instant now) {
    }

    /**
     * Locks the queue's row by primary key (creating it first if needed) and answers its waiting
     * matches and the database's time, read in the same statement.
     */
    private static LockedQueue lockQueue(Handle handle, QueueName queue) {
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
                        + DATABASE_NOW + " AS database_now FROM mm_queue q"
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

    /**
     * The database's clock as UTC epoch milliseconds, whatever the session's time zone: the one
     * clock every instance shares, so that skewed instances stamp and expire alike.
     */
    private static final String DATABASE_NOW = "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000";

    @Override
    public Optional<Instant> now() {
        return Optional.of(databaseNow());
    }

    private Instant databaseNow() {
        return Instant.ofEpochMilli(read(handle -> handle.createQuery("SELECT " + DATABASE_NOW).mapTo(Long.class).one()));
    }

    @Override
    public Optional<Match> findMatch(MatchId id) {
        return read(handle -> handle
                .createQuery("SELECT " + Rows.MATCH_COLUMNS + " FROM mm_match WHERE match_id = :id")
                .bind("id", id.value())
                .map(Rows.MATCH)
                .findOne());
    }

    @Override
    public List<Match> findMatches(Collection<MatchId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return read(handle -> handle
                .createQuery("SELECT " + Rows.MATCH_COLUMNS + " FROM mm_match WHERE match_id IN (<ids>)")
                .bindList("ids", ids.stream().map(MatchId::value).toList())
                .map(Rows.MATCH)
                .list());
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(IdempotencyRecord.Id id) {
        return read(handle -> handle
                .createQuery("SELECT " + Rows.RECORD_COLUMNS + " FROM mm_idempotency"
                        + " WHERE player_id = :player AND idem_key = :key")
                .bind("player", id.player().value())
                .bind("key", id.key().value())
                .map(Rows.RECORD)
                .findOne());
    }

    @Override
    public Optional<WaitingPlayer> findWaitingPlayer(PlayerId player) {
        return read(handle -> handle
                .createQuery("SELECT " + Rows.WAITING_COLUMNS + " FROM mm_waiting WHERE player_id = :player")
                .bind("player", player.value())
                .map(Rows.WAITING)
                .findOne());
    }

    @Override
    public Optional<Match> findCurrentMatchOf(PlayerId player) {
        return read(handle -> handle
                .createQuery("SELECT m.* FROM mm_waiting w JOIN mm_match m ON m.match_id = w.match_id"
                        + " WHERE w.player_id = :player")
                .bind("player", player.value())
                .map(Rows.MATCH)
                .findOne()
                .or(() -> handle
                        .createQuery("SELECT m.* FROM mm_seat s JOIN mm_match m ON m.match_id = s.match_id"
                                + " WHERE s.player_id = :player AND m.status = 'ready'"
                                + " ORDER BY m.ready_at DESC, m.match_id DESC LIMIT 1")
                        .bind("player", player.value())
                        .map(Rows.MATCH)
                        .findOne()));
    }

    @Override
    public List<QueueStats> queues() {
        return read(handle -> {
            // from the queue rows, through the (queue, status, seq) index: never a scan of retained ready matches
            List<Match> waiting = handle.createQuery("SELECT m.* FROM mm_queue q"
                            + " JOIN mm_match m ON m.queue = q.queue AND m.status = 'waiting' ORDER BY m.queue, m.seq")
                    .map(Rows.MATCH)
                    .list();
            Map<MatchId, List<WaitingPlayer>> places = handle
                    .createQuery("SELECT " + Rows.WAITING_COLUMNS + " FROM mm_waiting")
                    .map(Rows.WAITING)
                    .stream()
                    .collect(Collectors.groupingBy(WaitingPlayer::matchId));
            Map<QueueName, List<Match>> byQueue = waiting.stream()
                    .collect(Collectors.groupingBy(Match::queue, LinkedHashMap::new, Collectors.toList()));
            List<QueueStats> stats = new ArrayList<>(byQueue.size());
            byQueue.forEach((queue, matches) -> stats.add(new QueueStats(queue, matches, matches.stream()
                    .flatMap(match -> places.getOrDefault(match.id(), List.of()).stream())
                    .toList())));
            return stats;
        });
    }

    /**
     * Purges ready matches past {@code readyBefore}, then the rows of queues that have no waiting
     * match: a unit leaves its queue's row in place when the queue's match becomes ready, so that
     * the queue's next unit finds it (one statement, not three), and queue names nobody uses any
     * more leave nothing behind past the next purge.
     */
    @Override
    public int purgeReadyMatches(Instant readyBefore) {
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
        Instant now = databaseNow();
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

    /** Up when the database answered in the last 2 s and has not failed since, else when a connection answers now. */
    @Override
    public boolean isAvailable() {
        return answers.within(RECENTLY) || ConnectionPools.answers(dataSource);
    }

    @Override
    public void close() {
        if (ownsDataSource && dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    /** A read outside any unit; failures become the core's exceptions like a unit's. */
    private <T> T read(HandleCallback<T, RuntimeException> callback) {
        try {
            T result = jdbi.withHandle(callback);
            answers.answered();
            return result;
        } catch (RuntimeException e) {
            if (SqlFailure.of(e) == SqlFailure.UNAVAILABLE) {
                answers.unreachable();
                throw new StoreUnavailableException("MySQL is unavailable: " + FailedTransactions.rootMessage(e), e);
            }
            throw e instanceof MatchmakingException ? e : new MatchmakingException("MySQL read failed", e);
        }
    }
}
