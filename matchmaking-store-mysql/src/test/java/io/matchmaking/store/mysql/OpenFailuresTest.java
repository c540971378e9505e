package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.StoreRefusedException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A store that cannot open says why in an operator's words: refused credentials and a missing database are not an outage. */
class OpenFailuresTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void refusedCredentialsAreNamedAsSuchAndNeverShown() {
        String bare = "jdbc:mysql://" + database.serverAddress() + "/" + database.name();
        MySqlStoreSettings wrong = new MySqlStoreSettings(bare, "mm_nobody", "s3cret-guess", 1,
                Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThatThrownBy(() -> MySqlMatchRepository.open(wrong))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageStartingWith("MySQL at " + bare + " refused to log in user 'mm_nobody': check MATCHMAKING_MYSQL_USER")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-guess"));
    }

    @Test
    void aMissingDatabaseIsNamedAsSuch() {
        MySqlStoreSettings direct = database.settings(1);
        String missing = direct.jdbcUrl().replace("/" + database.name(), "/" + database.name() + "_missing");
        MySqlStoreSettings settings = new MySqlStoreSettings(missing, direct.user(), direct.password(), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThatThrownBy(() -> MySqlMatchRepository.open(settings))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("the database does not exist; create it first")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("password="));
    }

    @Test
    void anOpenStoreDescribesItsServerTargetAndSchemaWithoutCredentials() {
        try (MySqlMatchRepository store = MySqlMatchRepository.open(database.settings(1))) {
            assertThat(store.description()).matches("(MariaDB|MySQL) \\d+\\.\\d+\\.\\d+ at "
                    + database.serverAddress().replace(".", "\\.") + "/" + database.name() + ", schema version \\d+");
        }
    }
}
