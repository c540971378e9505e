package io.matchmaking.store.mysql;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.OutboxContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outbox on MySQL, as on every store that has one: claims with SKIP LOCKED, leases by the database row. */
class MySqlOutboxContractTest extends OutboxContract {

    private static MySqlContract mysql;

    @BeforeAll
    static void database() {
        mysql = new MySqlContract(8);
    }

    @AfterAll
    static void dropDatabase() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @Override
    protected MatchRepository newRepository() {
        return mysql.freshRepository();
    }
}
