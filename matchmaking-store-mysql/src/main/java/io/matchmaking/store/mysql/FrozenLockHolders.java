package io.matchmaking.store.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the sessions of instances that froze, or lost their network, inside a unit of work. Such a
 * session keeps its queue's lock until MySQL notices it is gone (hours, by default), so every other
 * instance waits on that queue. A unit sends its statements back to back, so a session of this
 * database idle inside a transaction for seconds is one whose instance stopped: after a lock wait
 * times out, the waiting instance kills those sessions and tries again.
 *
 * <p>Killing a session that was only slow is safe: its unit did not commit (it had not sent its
 * COMMIT), and should it try now, its COMMIT fails and its outcome is read back as "not committed"
 * ({@link CommitOutcomes}).
 */
final class FrozenLockHolders {

    /** Longer than any pause between a unit's statements, shorter than a lock wait. */
    static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(FrozenLockHolders.class);

    /** Sessions in a transaction (needs the PROCESS privilege to read INNODB_TRX). */
    private static final String IN_TRANSACTION = "SELECT p.ID FROM information_schema.PROCESSLIST p"
            + " JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID"
            + " WHERE p.COMMAND = 'Sleep' AND p.TIME >= ? AND p.DB = DATABASE() AND p.ID <> CONNECTION_ID()";
    /** Without PROCESS: the user's own idle sessions, idle pool connections among them (they reconnect). */
    private static final String IDLE = "SELECT p.ID FROM information_schema.PROCESSLIST p"
            + " WHERE p.COMMAND = 'Sleep' AND p.TIME >= ? AND p.DB = DATABASE() AND p.ID <> CONNECTION_ID()";

    private final DataSource dataSource;
    private volatile boolean precise = true;

    FrozenLockHolders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Kills every session of this database idle in a transaction for {@link #IDLE_IN_TRANSACTION}; how many. */
    int fence() {
        try (Connection connection = dataSource.getConnection()) {
            try {
                List<Long> stale = stale(connection);
                for (long session : stale) {
                    try (PreparedStatement kill = connection.prepareStatement("KILL CONNECTION " + session)) {
                        kill.execute();
                        LOG.warn("ended MySQL session {}: idle in a transaction for {} s or more, holding locks"
                                + " (an instance that froze or lost its network)", session, IDLE_IN_TRANSACTION.toSeconds());
                    } catch (SQLException goneMeanwhile) {
                        LOG.debug("session {} could not be ended (gone meanwhile?): {}", session, goneMeanwhile.getMessage());
                    }
                }
                return stale.size();
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        } catch (SQLException | RuntimeException unreachable) {
            LOG.warn("stale lock holders could not be looked for: {}", unreachable.getMessage());
            return 0;
        }
    }

    private List<Long> stale(Connection connection) throws SQLException {
        if (precise) {
            try {
                return sessions(connection, IN_TRANSACTION);
            } catch (SQLException noProcessPrivilege) {
                precise = false;
                LOG.warn("without the PROCESS privilege, frozen lock holders are found among all idle sessions"
                        + " of this user: {}", noProcessPrivilege.getMessage());
            }
        }
        return sessions(connection, IDLE);
    }

    private static List<Long> sessions(Connection connection, String query) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setLong(1, IDLE_IN_TRANSACTION.toSeconds());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
        }
        return found;
    }
}
