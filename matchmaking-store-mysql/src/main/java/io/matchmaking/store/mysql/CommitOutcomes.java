package io.matchmaking.store.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Establishes what became of a unit whose COMMIT failed without an answer (the connection dropped
 * or timed out after the COMMIT was sent): on another connection, it ends the unit's session
 * ({@code KILL}), waits until the session is gone, so that nothing of it can still commit, then
 * looks for the unit's marker. Within a bound; past it, the outcome stays unknown.
 */
final class CommitOutcomes {

    /** What became of the unit. */
    enum Outcome { COMMITTED, NOT_COMMITTED, UNKNOWN }

    /** API.md: "the truth could not be read back within a few seconds". */
    static final Duration READ_BACK = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(CommitOutcomes.class);
    private static final long PAUSE_MILLIS = 50;
    /** ER_NO_SUCH_THREAD: the session is already gone. */
    private static final int NO_SUCH_THREAD = 1094;

    private final DataSource dataSource;

    CommitOutcomes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What became of the unit {@code unitId}, whose transaction ran in session {@code sessionId}. */
    Outcome of(long sessionId, String unitId) {
        long deadline = System.nanoTime() + READ_BACK.toNanos();
        SQLException last = null;
        while (System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted()) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    end(connection, sessionId, deadline);
                    return marked(connection, unitId) ? Outcome.COMMITTED : Outcome.NOT_COMMITTED;
                } finally {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                }
            } catch (SQLException | RuntimeException unreachable) {
                last = unreachable instanceof SQLException sql ? sql : new SQLException(unreachable);
                pause();
            }
        }
        LOG.warn("the outcome of unit {} (session {}) could not be read back within {}", unitId, sessionId, READ_BACK, last);
        return Outcome.UNKNOWN;
    }

    /** Kills the session and waits until the server no longer lists it: then its transaction is over. */
    private static void end(Connection connection, long sessionId, long deadline) throws SQLException {
        try (PreparedStatement kill = connection.prepareStatement("KILL CONNECTION " + sessionId)) {
            kill.execute();
        } catch (SQLException gone) {
            if (gone.getErrorCode() != NO_SUCH_THREAD) {
                throw gone;
            }
        }
        try (PreparedStatement listed = connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            listed.setLong(1, sessionId);
            while (true) {
                try (ResultSet count = listed.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                    throw new SQLException("session " + sessionId + " still listed after KILL");
                }
                pause();
            }
        }
    }

    private static boolean marked(Connection connection, String unitId) throws SQLException {
        try (PreparedStatement marker = connection.prepareStatement("SELECT 1 FROM mm_unit WHERE unit_id = ?")) {
            marker.setString(1, unitId);
            try (ResultSet found = marker.executeQuery()) {
                return found.next();
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            // the outcome stays unknown: the caller is answered so, not left waiting
            Thread.currentThread().interrupt();
        }
    }
}
