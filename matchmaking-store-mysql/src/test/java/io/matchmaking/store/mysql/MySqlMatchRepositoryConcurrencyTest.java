package io.matchmaking.store.mysql;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.MatchRepositoryConcurrencyContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The races of the contract suite, unchanged (16 threads x 2,000 players included), on MySQL. */
class MySqlMatchRepositoryConcurrencyTest extends MatchRepositoryConcurrencyContract {

    private static MySqlContract mysql;

    @BeforeAll
    static void database() {
        mysql = new MySqlContract(16);
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
