package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchmakingConfigTest {

    private static MatchmakingConfig read(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return MatchmakingConfig.from(env);
    }

    @Test
    void defaultsAreThoseOfTheDocumentation() {
        MatchmakingConfig config = read();
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.adminPort()).isEmpty();
        assertThat(config.store()).isEqualTo(StoreKind.MEMORY);
        assertThat(config.rules().matchSize()).isEqualTo(3);
        assertThat(config.rules().waitTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.rules().retention()).isEqualTo(Duration.ofHours(1));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.apiToken()).isEmpty();
        assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(config.requestDeadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.httpThreads()).isEqualTo(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void theMySqlStoreAddsAThreadPerDatabaseConnection() {
        MatchmakingConfig config = read("MATCHMAKING_STORE", "mysql", "MATCHMAKING_MYSQL_URL", "jdbc:mysql://db:3306/mm",
                "MATCHMAKING_MYSQL_POOL_SIZE", "20");
        assertThat(config.httpThreads()).isEqualTo(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()) + 20);
    }

    @Test
    void everyVariableIsRead() {
        MatchmakingConfig config = read("MATCHMAKING_PORT", "9000", "MATCHMAKING_ADMIN_PORT", "9001",
                "MATCHMAKING_STORE", "MySQL", "MATCHMAKING_MYSQL_URL", "jdbc:mysql://db:3306/mm",
                "MATCHMAKING_MYSQL_USER", "mm", "MATCHMAKING_MYSQL_PASSWORD", "pw", "MATCHMAKING_MYSQL_POOL_SIZE", "8",
                "MATCHMAKING_MATCH_SIZE", "5", "MATCHMAKING_WAIT_TIMEOUT", "0", "MATCHMAKING_MATCH_RETENTION", "60",
                "MATCHMAKING_SHUTDOWN_TIMEOUT", "5", "MATCHMAKING_API_TOKEN", "t0k", "MATCHMAKING_LOG_FORMAT", "json",
                "MATCHMAKING_HTTP_THREADS", "64", "MATCHMAKING_REQUEST_DEADLINE", "9");
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.adminPort()).hasValue(9001);
        assertThat(config.store()).isEqualTo(StoreKind.MYSQL);
        assertThat(config.mysql()).contains(new MySqlSettings("jdbc:mysql://db:3306/mm", "mm", "pw", 8));
        assertThat(config.rules().matchSize()).isEqualTo(5);
        assertThat(config.rules().expiresWaitingPlayers()).isFalse();
        assertThat(config.rules().retention()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.apiToken()).isEqualTo(Optional.of("t0k"));
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(config.httpThreads()).isEqualTo(64);
        assertThat(config.requestDeadline()).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.toString()).doesNotContain("t0k", "pw");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MATCHMAKING_MATCH_SIZE|1|MATCHMAKING_MATCH_SIZE must be between 2 and 100 (got \"1\")",
        "MATCHMAKING_MATCH_SIZE|101|MATCHMAKING_MATCH_SIZE must be between 2 and 100 (got \"101\")",
        "MATCHMAKING_MATCH_SIZE|three|MATCHMAKING_MATCH_SIZE must be between 2 and 100 (got \"three\")",
        "MATCHMAKING_PORT|70000|MATCHMAKING_PORT must be between 0 and 65535 (got \"70000\")",
        "MATCHMAKING_PORT|-1|MATCHMAKING_PORT must be between 0 and 65535 (got \"-1\")",
        "MATCHMAKING_ADMIN_PORT|x|MATCHMAKING_ADMIN_PORT must be between 0 and 65535 (got \"x\")",
        "MATCHMAKING_WAIT_TIMEOUT|-5|MATCHMAKING_WAIT_TIMEOUT must be between 0 and 31622400 seconds (got \"-5\")",
        "MATCHMAKING_MATCH_RETENTION|0|MATCHMAKING_MATCH_RETENTION must be between 1 and 31622400 seconds (got \"0\")",
        "MATCHMAKING_SHUTDOWN_TIMEOUT|1.5|MATCHMAKING_SHUTDOWN_TIMEOUT must be between 0 and 3600 seconds (got \"1.5\")",
        "MATCHMAKING_HTTP_THREADS|7|MATCHMAKING_HTTP_THREADS must be between 8 and 10000 (got \"7\")",
        "MATCHMAKING_HTTP_THREADS|many|MATCHMAKING_HTTP_THREADS must be between 8 and 10000 (got \"many\")",
        "MATCHMAKING_REQUEST_DEADLINE|0|MATCHMAKING_REQUEST_DEADLINE must be between 1 and 300 seconds (got \"0\")",
        "MATCHMAKING_STORE|redis|MATCHMAKING_STORE must be memory or mysql (got \"redis\")",
        "MATCHMAKING_LOG_FORMAT|xml|MATCHMAKING_LOG_FORMAT must be text or json (got \"xml\")",
        "MATCHMAKING_STORE|mysql|MATCHMAKING_MYSQL_URL is required when MATCHMAKING_STORE=mysql"})
    void aBadValueIsOneClearLine(String variable, String value, String message) {
        assertThatThrownBy(() -> read(variable, value)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void theMySqlUrlMustBeAJdbcUrl() {
        assertThatThrownBy(() -> read("MATCHMAKING_STORE", "mysql", "MATCHMAKING_MYSQL_URL", "mysql://db"))
                .hasMessage("MATCHMAKING_MYSQL_URL must be a JDBC URL starting with jdbc:mysql:");
    }

    @Test
    void blankValuesMeanUnset() {
        assertThat(read("MATCHMAKING_PORT", " ", "MATCHMAKING_API_TOKEN", "").port()).isEqualTo(8080);
        assertThat(read("MATCHMAKING_API_TOKEN", "").apiToken()).isEmpty();
    }
}
