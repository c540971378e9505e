package io.matchmaking.store.mysql;

import com.mysql.cj.jdbc.JdbcConnection;
import io.matchmaking.core.OutcomeUnknownException;
import io.matchmaking.core.RetryReason;
import io.matchmaking.core.UnitNotCommittedException;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.WorkResult;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a unit of work: one READ COMMITTED transaction that locks its queue's row, hands
 * the core's work what it reads, writes the net changes and commits. It never runs the work twice;
 * what a failure means is {@link FailedTransactions}'s to say.
 */
final class UnitAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(UnitAttempts.class);

    private final Jdbi jdbi;
    private final CommitOutcomes outcomes;
    private final RecentAnswers answers;

    UnitAttempts(Jdbi jdbi, CommitOutcomes outcomes, RecentAnswers answers) {
        this.jdbi = jdbi;
        this.outcomes = outcomes;
        this.answers = answers;
    }

    /**
     * One transaction of a unit. A unit that writes leaves its marker; when its COMMIT fails
     * without an answer, the outcome is read back ({@link CommitOutcomes}) instead of guessed: a
     * unit that committed answers as committed, one that did not may run again, and one whose outcome
     * cannot be established is an {@link OutcomeUnknownException}, never "did not take effect".
     */
    <T> T attempt(QueueName queue, QueueWork<T> work) {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            WorkResult<T> decided;
            String marker = null;
            try {
                LockedQueue locked = LockedQueue.lock(handle, queue);
                answers.answered();
                MySqlQueueReads unit = new MySqlQueueReads(handle, queue, locked.waiting(), locked.now());
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
}
