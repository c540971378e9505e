package io.matchmaking.store.mysql;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** What a failed statement means for the unit of work that ran it. */
enum SqlFailure {
    /** Deadlock (1213) or lock wait timeout (1205): run the work again after a short random pause. */
    LOCK_CONTENTION,
    /** The database cannot be reached: answer 503 at once. */
    UNAVAILABLE,
    /** Anything else is a bug or a broken schema: answer 500. */
    UNEXPECTED;

    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;
    /** The server is read-only (a managed failover in progress): the writable one is coming. */
    private static final int READ_ONLY = 1290;
    private static final int READ_ONLY_TRANSACTION = 1792;
    private static final int SUPER_READ_ONLY = 1836;

    /** Whether a unique key refused a row (1062). */
    static boolean isDuplicateKey(Throwable failure) {
        return hasErrorCode(failure, DUPLICATE_KEY);
    }

    /** Whether a unit waited for a lock until innodb_lock_wait_timeout (1205), rather than deadlocked. */
    static boolean isLockWaitTimeout(Throwable failure) {
        return hasErrorCode(failure, LOCK_WAIT_TIMEOUT);
    }

    /** Whether any SQLException among the causes (and their chained ones) has the vendor {@code code}. */
    private static boolean hasErrorCode(Throwable failure, int code) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getErrorCode() == code) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static SqlFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return UNAVAILABLE;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    SqlFailure kind = ofCode(e);
                    if (kind != UNEXPECTED) {
                        return kind;
                    }
                }
            }
        }
        return UNEXPECTED;
    }

    private static SqlFailure ofCode(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return UNAVAILABLE;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state == null && (message.contains("has been closed") || message.contains("Interrupted during connection"))) {
            // HikariCP's own: the pool is shutting down or the caller was interrupted waiting for it
            return UNAVAILABLE;
        }
        if (message.startsWith("No operations allowed after") || message.startsWith("Connection is closed")) {
            // the connection died under a unit (its session was killed, or the pool closed it after a
            // fatal error on it): Connector/J and HikariCP say so with a general SQLState. Seen as 500s
            // in the fault run; a unit cut off before its COMMIT did not take effect
            return UNAVAILABLE;
        }
        return switch (e.getErrorCode()) {
            case DEADLOCK, LOCK_WAIT_TIMEOUT -> LOCK_CONTENTION;
            case READ_ONLY, READ_ONLY_TRANSACTION, SUPER_READ_ONLY -> UNAVAILABLE;
            default -> "40001".equals(state) ? LOCK_CONTENTION : UNEXPECTED;
        };
    }
}
