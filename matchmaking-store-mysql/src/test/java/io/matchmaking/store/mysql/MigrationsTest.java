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
                .containsExactly("1:1", "2:1", "3:1");
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
        assertThat(query("SELECT COUNT(*) FROM mm_schema_history")).containsExactly("3");
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
