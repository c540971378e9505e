package io.matchmaking.store.mysql;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.MatchRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every rule of the model, unchanged, on MySQL (sessions in a non-UTC time zone). */
class MySqlMatchRepositoryContractTest extends MatchRepositoryContract {

    private static MySqlContract mysql;

    @BeforeAll
    static void database() {
        mysql = new MySqlContract(4);
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
