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
        config.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + settings.lockWaitTimeout().toSeconds());
        // a dead server is noticed in seconds, not at the OS's TCP timeouts
        config.addDataSourceProperty("connectTimeout", settings.connectionTimeout().toMillis());
        config.addDataSourceProperty("socketTimeout", 30_000);
        // batches of inserts travel as one multi-row statement
        config.addDataSourceProperty("rewriteBatchedStatements", true);
        config.addDataSourceProperty("cachePrepStmts", true);
        config.addDataSourceProperty("useServerPrepStmts", false);
        config.addDataSourceProperty("prepStmtCacheSize", 250);
        config.addDataSourceProperty("prepStmtCacheSqlLimit", 2048);
        return new HikariDataSource(config);
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
