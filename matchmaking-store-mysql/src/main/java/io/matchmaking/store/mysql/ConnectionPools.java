package io.matchmaking.store.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The HikariCP pool the store owns, tuned to fail fast when the database is away. */
final class ConnectionPools {

    private ConnectionPools() {
    }

    static HikariDataSource open(MySqlStoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("matchmaking-mysql");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(1_000, settings.connectionTimeout().toMillis()));
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // never in autocommit mode: a unit then costs its statements and one COMMIT, where switching
        // autocommit off and on again around it cost two more round trips on the queue's critical
        // path; a read's transaction is rolled back by the pool when the connection returns
        config.setAutoCommit(false);
        config.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + settings.lockWaitTimeout().toSeconds());
        // a dead server is noticed in seconds, not at the OS's TCP timeouts
        driverProperty(config, "connectTimeout", settings.connectionTimeout().toMillis());
        driverProperty(config, "socketTimeout", 30_000);
        // the driver remembers the session's autocommit mode and isolation instead of setting them
        // again on the server each time they are asked for unchanged
        driverProperty(config, "useLocalSessionState", true);
        // batches of inserts travel as one multi-row statement
        driverProperty(config, "rewriteBatchedStatements", true);
        driverProperty(config, "cachePrepStmts", true);
        driverProperty(config, "useServerPrepStmts", false);
        driverProperty(config, "prepStmtCacheSize", 250);
        driverProperty(config, "prepStmtCacheSqlLimit", 2048);
        return new HikariDataSource(config);
    }

    /**
     * HikariCP 7 hands its data source properties to the driver as they are, and Connector/J reads
     * only String values: a Boolean or a number would be dropped without a word.
     */
    private static void driverProperty(HikariConfig config, String name, Object value) {
        config.addDataSourceProperty(name, String.valueOf(value));
    }

    /** Whether a connection can be had and answers within a second. */
    static boolean answers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
