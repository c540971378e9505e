package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver settings the pool asks for reach the driver: a setting the driver drops costs a
 * statement per batched row (rewriting) or a thread hung on a dead server (socket timeout),
 * and nothing else would show it.
 */
class ConnectionPoolsTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final HikariDataSource pool = ConnectionPools.open(database.settings(1));

    @AfterEach
    void cleanUp() {
        pool.close();
        database.close();
    }

    @Test
    void connectionsCarryTheDriverSettings() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            PropertySet properties = connection.unwrap(JdbcConnection.class).getPropertySet();

            assertThat(properties.getBooleanProperty(PropertyKey.rewriteBatchedStatements).getValue()).isTrue();
            assertThat(properties.getBooleanProperty(PropertyKey.cachePrepStmts).getValue()).isTrue();
            assertThat(properties.getBooleanProperty(PropertyKey.useServerPrepStmts).getValue()).isFalse();
            assertThat(properties.getIntegerProperty(PropertyKey.prepStmtCacheSize).getValue()).isEqualTo(250);
            assertThat(properties.getIntegerProperty(PropertyKey.socketTimeout).getValue()).isEqualTo(30_000);
            assertThat(properties.getIntegerProperty(PropertyKey.connectTimeout).getValue()).isEqualTo(2_000);
        }
    }
}
