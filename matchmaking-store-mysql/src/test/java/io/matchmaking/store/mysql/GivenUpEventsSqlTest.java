package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.PendingEvents;
import io.matchmaking.core.event.EventType;
import io.matchmaking.core.event.PendingEvent;
import io.matchmaking.core.match.PlayerId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL that docs/operations.md gives operators for webhook events given up on, run as written:
 * the query lists them, the update makes them due again exactly once, the delete drops them.
 */
class GivenUpEventsSqlTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final MySqlMatchRepository repository = MySqlMatchRepository.open(database.settings(2));
    private final Matchmaker matchmaker = Matchmaker.builder(repository).rules(MatchmakingRules.ofSize(2))
            .outbox(Set.of(EventType.MATCH_READY)).build();
    private final PendingEvents events = matchmaker.pendingEvents().orElseThrow();

    @AfterEach
    void cleanUp() {
        repository.close();
        database.close();
    }

    /** The statements of the documented SQL block, in order: the query, the update, the delete. */
    private static List<String> documentedStatements() throws Exception {
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        Matcher block = Pattern.compile("### Webhook events given up on.*?```sql\\n(.*?)```", Pattern.DOTALL).matcher(operations);
        assertThat(block.find()).as("the SQL block of operations.md").isTrue();
        List<String> statements = new ArrayList<>();
        for (String statement : block.group(1).replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        assertThat(statements).hasSize(3);
        return statements;
    }

    private String givenUp() {
        matchmaker.join(PlayerId.of("a"));
        matchmaker.join(PlayerId.of("b"));
        PendingEvent claimed = events.claim(10, LEASE).get(0);
        events.failed(claimed.event().id(), 20);
        assertThat(events.stats().failed()).isEqualTo(1);
        return claimed.event().id();
    }

    private int run(String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            if (sql.startsWith("SELECT")) {
                int rows = 0;
                try (ResultSet result = statement.executeQuery(sql)) {
                    while (result.next()) {
                        rows++;
                    }
                }
                return rows;
            }
            return statement.executeUpdate(sql);
        }
    }

    @Test
    void theQueryListsThemAndTheUpdateMakesThemDueOnceMore() throws Exception {
        List<String> sql = documentedStatements();
        String id = givenUp();

        assertThat(run(sql.get(0))).isEqualTo(1);
        assertThat(run(sql.get(1))).isEqualTo(1);

        assertThat(events.claim(10, LEASE)).singleElement().satisfies(again -> {
            assertThat(again.event().id()).as("the same event, the same webhook-id").isEqualTo(id);
            assertThat(again.failedAttempts()).isEqualTo(20);
        });
        assertThat(events.stats().failed()).isZero();
        assertThat(run(sql.get(0))).isZero();
    }

    @Test
    void theDeleteDropsThemAndNothingElse() throws Exception {
        List<String> sql = documentedStatements();
        givenUp();
        matchmaker.join(PlayerId.of("c"));
        matchmaker.join(PlayerId.of("d"));

        assertThat(run(sql.get(2))).isEqualTo(1);

        assertThat(events.stats().failed()).isZero();
        assertThat(events.stats().undelivered()).as("the event still to deliver stays").isEqualTo(1);
    }
}
