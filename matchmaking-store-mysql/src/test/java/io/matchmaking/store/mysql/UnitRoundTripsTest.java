package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A queue runs one unit at a time, so each round trip of a unit is paid by every join of the
 * queue: a join sends its statements and one COMMIT, with no autocommit switching around them and
 * the waiting match read with the queue's lock.
 */
class UnitRoundTripsTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final MySqlMatchRepository repository = MySqlMatchRepository.open(withStatementLog(database.settings(1)));
    private final Matchmaker matchmaker = Matchmaker.builder(repository).build();
    private final QueueName queue = QueueName.of("q");

    @AfterEach
    void cleanUp() {
        repository.close();
        database.close();
    }

    @Test
    void aJoinIntoAWaitingMatchSendsItsStatementsAndOneCommit() {
        join("p1");
        SentStatements.clear();

        join("p2");

        assertThat(SentStatements.sent()).extracting(UnitRoundTripsTest::verb).containsExactly(
                "select ... for update", "select", "insert", "update", "insert", "insert", "commit");
        assertThat(SentStatements.sent().get(0)).contains("left join mm_match");
        // the unit's marker, in its own transaction: what a lost COMMIT's outcome is read back from
        assertThat(SentStatements.sent().get(5)).startsWith("insert into mm_unit");
    }

    @Test
    void theQueueRowIsFoundAgainAfterItsMatchBecameReady() {
        join("p1");
        join("p2");
        join("p3");
        SentStatements.clear();

        join("p4");

        List<String> sent = SentStatements.sent();
        assertThat(sent).noneMatch(sql -> sql.startsWith("set"));
        assertThat(sent.get(0)).startsWith("select").endsWith("for update");
        assertThat(sent).filteredOn(sql -> sql.startsWith("insert into mm_queue")).isEmpty();
        assertThat(sent).last().isEqualTo("commit");
    }

    @Test
    void aReadOutsideAUnitLeavesNoTransactionOpen() {
        MatchId id = matchmaker.join(new JoinRequest(PlayerId.of("p1"), queue)).match().id();
        SentStatements.clear();

        assertThat(repository.findMatch(id)).isPresent();

        // the pool ends the read's transaction when the connection comes back
        assertThat(SentStatements.sent()).extracting(UnitRoundTripsTest::verb).containsExactly("select", "rollback");
    }

    private void join(String player) {
        matchmaker.join(new JoinRequest(PlayerId.of(player), queue));
    }

    private static String verb(String sql) {
        String first = sql.split(" ", 2)[0];
        return sql.endsWith("for update") ? first + " ... for update" : first;
    }

    /** The same settings, on a URL that also names {@link SentStatements} as the driver's query interceptor. */
    private static MySqlStoreSettings withStatementLog(MySqlStoreSettings settings) {
        String url = settings.jdbcUrl();
        return MySqlStoreSettings.of(url + (url.contains("?") ? "&" : "?") + "queryInterceptors="
                        + SentStatements.class.getName(), settings.user(), settings.password())
                .withPoolSize(settings.poolSize());
    }
}
