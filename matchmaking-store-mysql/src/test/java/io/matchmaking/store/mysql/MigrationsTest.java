package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schema is created on an empty database, and opening a migrated one changes nothing. */
class MigrationsTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void anEmptyDatabaseGetsEveryTable() throws SQLException {
        try (MySqlMatchRepository repository = MySqlMatchRepository.open(database.settings(2))) {
            assertThat(repository.isAvailable()).isTrue();
        }
        assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " ORDER BY table_name"))
                .containsExactly("mm_idempotency", "mm_match", "mm_outbox", "mm_queue", "mm_schema_history", "mm_seat", "mm_unit", "mm_waiting");
        assertThat(query("SELECT CONCAT(version, ':', success) FROM mm_schema_history ORDER BY installed_rank"))
                .containsExactly("1:1", "2:1", "3:1", "4:1", "5:1", "6:1", "7:1");
    }

    @Test
    void reopeningAMigratedDatabaseKeepsSchemaAndData() throws SQLException {
        Match match;
        try (MySqlMatchRepository repository = MySqlMatchRepository.open(database.settings(2))) {
            match = Matchmaker.builder(repository).build().join(PlayerId.of("p1")).match();
        }
        try (MySqlMatchRepository repository = MySqlMatchRepository.open(database.settings(2))) {
            assertThat(repository.findMatch(match.id())).contains(match);
        }
        assertThat(query("SELECT COUNT(*) FROM mm_schema_history")).containsExactly("7");
    }

    @Test
    void aQueueWaitingWhenTheSchemaLearnsOfPartiesKeepsItsMatchAndItsPlayersPlacesAsSoloTickets() {
        MySqlStoreSettings settings = database.settings(2);
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:io/matchmaking/store/mysql/migration")
                .table(SchemaMigrations.HISTORY_TABLE)
                .target("3")
                .load()
                .migrate();
        // what the previous version wrote for p1 waiting in the default queue
        database.execute(
                "INSERT INTO mm_match (match_id, queue, size, status, players, updated_at, ready_at, version)"
                        + " VALUES ('m-old', 'default', 2, 'waiting', 'p1', 1000, NULL, 1)",
                "INSERT INTO mm_seat (match_id, position, player_id) VALUES ('m-old', 0, 'p1')",
                "INSERT INTO mm_waiting (player_id, queue, match_id, joined_at, last_join_at)"
                        + " VALUES ('p1', 'default', 'm-old', 1000, 1000)",
                "INSERT INTO mm_queue (queue, waiting_match_id) VALUES ('default', 'm-old')");

        try (MySqlMatchRepository repository = MySqlMatchRepository.open(settings)) {
            assertThat(repository.findWaitingPlayer(PlayerId.of("p1")))
                    .hasValueSatisfying(place -> assertThat(place.ticket()).isEqualTo(PlayerId.of("p1")));
            Match ready = Matchmaker.builder(repository).build().join(PlayerId.of("p2")).match();

            assertThat(ready.id().value()).isEqualTo("m-old");
            assertThat(ready.players()).containsExactly(PlayerId.of("p1"), PlayerId.of("p2"));
            assertThat(ready.isReady()).isTrue();
        }
    }

    /**
     * A queue that already had two waiting matches when the queue row learnt to say so (schema
     * version 5) is marked as having more, so the next unit reads both and first fit still sees the
     * younger one.
     */
    @Test
    void aQueueWithTwoWaitingMatchesBeforeVersion5IsMarkedAndFirstFitStillSeesBoth() throws SQLException {
        MySqlStoreSettings settings = database.settings(2);
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:io/matchmaking/store/mysql/migration")
                .table(SchemaMigrations.HISTORY_TABLE)
                .target("4")
                .load()
                .migrate();
        // schema version 4: a party of two could not fit the oldest match, which had one seat left
        database.execute(
                "INSERT INTO mm_match (match_id, queue, size, status, players, updated_at, ready_at, version)"
                        + " VALUES ('m-old', 'default', 3, 'waiting', 'a b', 1000, NULL, 2),"
                        + " ('m-new', 'default', 3, 'waiting', 'c d', 2000, NULL, 1)",
                "INSERT INTO mm_seat (match_id, position, player_id) VALUES ('m-old', 0, 'a'), ('m-old', 1, 'b'),"
                        + " ('m-new', 0, 'c'), ('m-new', 1, 'd')",
                "INSERT INTO mm_waiting (player_id, queue, match_id, joined_at, last_join_at, ticket) VALUES"
                        + " ('a', 'default', 'm-old', 1000, 1000, 'a'), ('b', 'default', 'm-old', 1000, 1000, 'a'),"
                        + " ('c', 'default', 'm-new', 2000, 2000, 'c'), ('d', 'default', 'm-new', 2000, 2000, 'c')",
                "INSERT INTO mm_queue (queue, waiting_match_id) VALUES ('default', 'm-old')",
                "INSERT INTO mm_queue (queue, waiting_match_id) VALUES ('solo', NULL)");

        try (MySqlMatchRepository repository = MySqlMatchRepository.open(settings)) {
            assertThat(query("SELECT CONCAT(queue, '=', more_waiting) FROM mm_queue ORDER BY queue"))
                    .containsExactly("default=1", "solo=0");
            Matchmaker matchmaker = Matchmaker.builder(repository).rules(MatchmakingRules.ofSize(3)).build();
            Match filled = matchmaker.join(PlayerId.of("e")).match();

            assertThat(filled.id().value()).as("first fit: the oldest has the seat").isEqualTo("m-old");
            assertThat(filled.isReady()).isTrue();
            assertThat(query("SELECT CONCAT(waiting_match_id, '=', more_waiting) FROM mm_queue WHERE queue = 'default'"))
                    .as("m-new is the oldest now, and the only one").containsExactly("m-new=0");
            Match party = matchmaker.join(new JoinRequest(PlayerId.of("f"), QueueName.DEFAULT)
                    .withParty(List.of(PlayerId.of("g")))).match();
            assertThat(party.id().value()).as("no seat for two in m-new: a new match").isNotEqualTo("m-new");
            assertThat(query("SELECT CONCAT(waiting_match_id, '=', more_waiting) FROM mm_queue WHERE queue = 'default'"))
                    .containsExactly("m-new=1");
            assertThat(matchmaker.join(PlayerId.of("h")).match().id().value()).isEqualTo("m-new");
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
