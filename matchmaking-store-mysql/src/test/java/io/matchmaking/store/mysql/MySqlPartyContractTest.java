package io.matchmaking.store.mysql;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.PartyContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The party rules on MySQL, as on every store. */
class MySqlPartyContractTest extends PartyContract {

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
