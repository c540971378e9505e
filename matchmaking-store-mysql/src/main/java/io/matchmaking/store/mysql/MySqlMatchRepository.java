package io.matchmaking.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import io.matchmaking.core.MatchmakingException;
import io.matchmaking.core.StoreUnavailableException;
import io.matchmaking.core.UnitNotCommittedException;
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
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;

/**
 * The {@link MatchRepository} on MySQL 8 / MariaDB 10.6+: any number of instances may share one
 * database, and every rule holds across them.
 *
 * <p>A unit of work is one transaction (READ COMMITTED) that first locks its queue's row in
 * {@code mm_queue} by primary key ({@code SELECT ... FOR UPDATE}), reading the queue's waiting match
 * in the same statement: that row is the queue's single serialization point across instances.
 * A unit runs once: a deadlock, a lock wait timeout or a lost claim is a
 * {@link UnitNotCommittedException} for the core's retry policy, an unreachable
 * database a {@link StoreUnavailableException} at once. A unit returns only after its commit, so an
 * answer means durable.
 *
 * <p>Only one unit of a queue runs at a time, so its round trips are the queue's throughput: a unit
 * sends its statements and a {@code COMMIT}, nothing else (the store's own pool never runs in
 * autocommit mode, and the queue's row outlives its waiting match until the purge).
 */
public final class MySqlMatchRepository implements MatchRepository {

    /** A database that answered a unit or a read this recently is up: readiness asks for no connection. */
    private static final Duration RECENTLY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final FailedTransactions transactions;
    private final RecentAnswers answers = new RecentAnswers();
    private final UnitAttempts units;
    private final Purges purges;
    private final MySqlOutbox outbox;
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
        this.units = new UnitAttempts(jdbi, new CommitOutcomes(dataSource), answers);
        this.purges = new Purges(jdbi, transactions, this::databaseNow);
        this.outbox = new MySqlOutbox(jdbi, transactions);
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
            return transactions.run("unit of queue " + queue, () -> units.attempt(queue, work));
        } catch (StoreUnavailableException unreachable) {
            answers.unreachable();
            throw unreachable;
        }
    }

    @Override
    public Optional<Instant> now() {
        return Optional.of(databaseNow());
    }

    private Instant databaseNow() {
        return Instant.ofEpochMilli(read(handle -> handle.createQuery("SELECT " + Rows.DATABASE_NOW).mapTo(Long.class).one()));
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
     * Purges ready matches past {@code readyBefore} and idempotency records written before it, then
     * the rows of queues that have no waiting match and unit markers no read-back can still need.
     */
    @Override
    public int purgeReadyMatches(Instant readyBefore) {
        return purges.purgeReadyMatches(readyBefore);
    }

    /** {@code mm_outbox}: written in each unit's transaction, claimed with {@code SKIP LOCKED}. */
    @Override
    public Optional<Outbox> outbox() {
        return Optional.of(outbox);
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
