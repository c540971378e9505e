package io.matchmaking.store.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A database of its own for one test class, on the {@link MySqlTestServer}; dropped when closed. */
public final class MySqlTestDatabase implements AutoCloseable {

    private final MySqlTestServer server;
    private final String name;

    private MySqlTestDatabase(MySqlTestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates a fresh, empty database (or skips the test when no server is configured). */
    public static MySqlTestDatabase create() {
        MySqlTestServer server = MySqlTestServer.locate();
        String name = "mm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new MySqlTestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return server.urlOf(name);
    }

    /** This database's URL reached through {@code address} ({@code host:port}, e.g. a proxy's). */
    public String urlThrough(String address) {
        return server.urlOf(name, address);
    }

    /** {@code host:port} of the real server. */
    public String serverAddress() {
        return server.hostAndPort();
    }

    /** Store settings for this database (5 attempts, 2 s connection timeout, the given pool). */
    public MySqlStoreSettings settings(int poolSize) {
        return MySqlStoreSettings.of(url(), server.user(), server.password()).withPoolSize(poolSize);
    }

    /** Empties every table the store writes, keeping the schema. */
    public void truncateStoreTables() {
        execute("TRUNCATE TABLE mm_waiting", "TRUNCATE TABLE mm_seat", "TRUNCATE TABLE mm_match",
                "TRUNCATE TABLE mm_queue", "TRUNCATE TABLE mm_unit", "TRUNCATE TABLE mm_idempotency",
                "TRUNCATE TABLE mm_outbox");
    }

    /** Runs statements on the database, outside any store. */
    public void execute(String... statements) {
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("USE " + name);
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A connection to this database, for tests that hold locks or inspect rows. */
    public Connection connect() throws SQLException {
        Connection connection = server.adminConnection();
        connection.setCatalog(name);
        return connection;
    }

    @Override
    public void close() {
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }
}
