package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What the contract suites need on MySQL: one database per test class, one pool whose sessions
 * run in a time zone other than UTC (times must not depend on it), tables emptied per test.
 */
final class MySqlContract implements AutoCloseable {

    static final String SESSION_TIME_ZONE = "-03:00";

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final HikariDataSource pool;

    MySqlContract(int poolSize) {
        String url = database.url();
        url += (url.contains("?") ? "&" : "?") + "sessionVariables=time_zone='" + SESSION_TIME_ZONE + "'";
        MySqlStoreSettings settings = new MySqlStoreSettings(url, database.settings(poolSize).user(),
                database.settings(poolSize).password(), poolSize, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        pool = ConnectionPools.open(settings);
        assertSessionTimeZone();
    }

    private void assertSessionTimeZone() {
        try (Connection connection = pool.getConnection();
                ResultSet rs = connection.createStatement().executeQuery("SELECT @@session.time_zone")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(SESSION_TIME_ZONE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A store on the shared pool, with empty tables. */
    MySqlMatchRepository freshRepository() {
        MySqlMatchRepository repository = MySqlMatchRepository.on(pool);
        database.truncateStoreTables();
        return repository;
    }

    @Override
    public void close() {
        pool.close();
        database.close();
    }
}
