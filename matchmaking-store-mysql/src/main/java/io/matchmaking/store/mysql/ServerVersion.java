package io.matchmaking.store.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Which server the store talks to, as the server says in {@code SELECT VERSION()}. The driver's
 * metadata cannot tell: MariaDB greets MySQL clients as "5.5.5-10.11...", which Flyway logged as
 * "MySQL 5.5".
 */
final class ServerVersion {

    private static final String MARIADB = "-MariaDB";

    private ServerVersion() {
    }

    /**
     * {@code "MariaDB 10.11.19 at db:3306/matchmaking"} or {@code "MySQL 8.4.3 at ..."}, the target
     * taken from the connection itself (so also for a caller's pool) and never with credentials.
     */
    static String describe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT VERSION()")) {
            String text = version.next() ? version.getString(1) : "";
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return named(text) + " at " + Urls.target(connection.getMetaData().getURL());
        } catch (SQLException | RuntimeException unreadable) {
            return "MySQL (version unknown)";
        }
    }

    static String named(String version) {
        int mariadb = version.indexOf(MARIADB);
        return mariadb >= 0 ? "MariaDB " + version.substring(0, mariadb) : "MySQL " + version;
    }
}
