package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
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
                .containsExactly("mm_idempotency", "mm_match", "mm_queue", "mm_schema_history", "mm_seat", "mm_unit", "mm_waiting");
        assertThat(query("SELECT CONCAT(version, ':', success) FROM mm_schema_history ORDER BY installed_rank"))
                .containsExactly("1:1", "2:1", "3:1", "4:1");
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
        assertThat(query("SELECT COUNT(*) FROM mm_schema_history")).containsExactly("4");
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
