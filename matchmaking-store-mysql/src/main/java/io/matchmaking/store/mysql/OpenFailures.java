package io.matchmaking.store.mysql;

import io.matchmaking.core.MatchmakingException;
import io.matchmaking.core.StoreRefusedException;
import io.matchmaking.core.StoreUnavailableException;
import java.sql.SQLException;

/**
 * Why the store could not open, in an operator's words. A wrong password used to read "cannot
 * reach MySQL", which sends the operator to the network instead of the credentials.
 */
final class OpenFailures {

    /** ER_DBACCESS_DENIED_ERROR: the user may not use this database. */
    private static final int DATABASE_ACCESS_DENIED = 1044;
    /** ER_ACCESS_DENIED_ERROR: wrong user name or password (or not allowed from this host). */
    private static final int ACCESS_DENIED = 1045;
    /** ER_BAD_DB_ERROR: the database does not exist. */
    private static final int UNKNOWN_DATABASE = 1049;

    private OpenFailures() {
    }

    static MatchmakingException describe(MySqlStoreSettings settings, RuntimeException failure) {
        String at = "MySQL at " + Urls.withoutSecrets(settings.jdbcUrl());
        String detail = FailedTransactions.rootMessage(failure);
        return switch (errorCode(failure)) {
            case ACCESS_DENIED -> new StoreRefusedException(at + " refused to log in " + user(settings)
                    + ": check MATCHMAKING_MYSQL_USER and MATCHMAKING_MYSQL_PASSWORD (" + detail + ")", failure);
            case DATABASE_ACCESS_DENIED -> new StoreRefusedException(at + " does not let " + user(settings)
                    + " use the database: grant it (" + detail + ")", failure);
            case UNKNOWN_DATABASE -> new StoreRefusedException(at + ": the database does not exist; create it"
                    + " first (" + detail + ")", failure);
            default -> new StoreUnavailableException("cannot reach " + at + ": " + detail, failure);
        };
    }

    private static String user(MySqlStoreSettings settings) {
        return settings.user() == null ? "the user of the URL" : "user '" + settings.user() + "'";
    }

    /** The vendor code of the first SQLException among the causes, 0 if there is none. */
    private static int errorCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() != 0) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }
}
