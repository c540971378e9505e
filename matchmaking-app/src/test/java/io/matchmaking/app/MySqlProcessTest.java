package io.matchmaking.app;

import io.matchmaking.store.mysql.MySqlTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Process-level tests on a database of their own: the jar's environment for MySQL. */
abstract class MySqlProcessTest {

    protected MySqlTestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = MySqlTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /**
     * What a test that drives a {@link JoinLoad} adds to its environment: the load comes from one
     * address, whose rate limit is not what such a test is about (LimitsIT is).
     */
    protected static final String[] ONE_ADDRESS_LOAD = {"MATCHMAKING_ADDRESS_RATE_LIMIT", "0"};

    /** The environment of a server on {@code url} (this test's database, or a proxy to it). */
    protected String[] mysqlEnv(String url, String... more) {
        String user = database.settings(1).user();
        String password = database.settings(1).password();
        String[] base = {"MATCHMAKING_STORE", "mysql", "MATCHMAKING_MYSQL_URL", url,
                "MATCHMAKING_MYSQL_USER", user == null ? "" : user, "MATCHMAKING_MYSQL_PASSWORD", password == null ? "" : password,
                "MATCHMAKING_MYSQL_POOL_SIZE", "8"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
