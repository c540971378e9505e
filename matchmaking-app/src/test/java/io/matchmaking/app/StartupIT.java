package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the jar says when it starts, as an operator reads it: its version, where to reach it, what
 * it stores in, the settings it ignored, and, when it cannot start, which setting is wrong.
 */
class StartupIT extends MySqlProcessTest {

    @Test
    void theStartLineNamesVersionUrlAndStoreAndAMisspeltVariableIsNamedWithTheClosestSetting() throws Exception {
        try (ServerProcess server = ServerProcess.start("MATCHMAKING_MATCHSIZE", "4")) {
            String output = server.output();

            assertThat(output).contains("MATCHMAKING_MATCHSIZE is not a setting of this server and is ignored;"
                    + " did you mean MATCHMAKING_MATCH_SIZE?");
            assertThat(output).containsPattern("matchmaking \\d+\\.\\d+\\.\\d+\\S* listening on http://localhost:"
                    + server.port() + " \\(every interface\\), store memory; .*matchSize=3");
        }
    }

    @Test
    void onMySqlTheStartLineNamesTheServerAndTheDatabaseButNoSecret() throws Exception {
        try (ServerProcess server = ServerProcess.start(mysqlEnv(database.url()))) {
            String output = server.output();

            assertThat(output).containsPattern("store mysql \\((MariaDB|MySQL) \\d+\\.\\d+\\.\\d+ at "
                    + database.serverAddress() + "/" + database.name() + ", schema version \\d+\\)");
            assertThat(output).as("Flyway's line that named MariaDB \"MySQL 5.5\"").doesNotContain("MySQL 5.5");
            String password = database.settings(1).password();
            if (password != null && !password.isEmpty()) {
                assertThat(output).doesNotContain(password);
            }
        }
    }

    @Test
    void aWrongPasswordIsReportedAsSuchInOneLine() throws Exception {
        // a user that does not exist is refused as a wrong password is (access denied), and the URL carries
        // no credentials of its own that the driver would prefer
        String bare = "jdbc:mysql://" + database.serverAddress() + "/" + database.name();
        ServerProcess.Exited exited = ServerProcess.runUntilExit(60, "MATCHMAKING_STORE", "mysql",
                "MATCHMAKING_MYSQL_URL", bare, "MATCHMAKING_MYSQL_USER", "mm_nobody",
                "MATCHMAKING_MYSQL_PASSWORD", "certainly-wrong");

        assertThat(exited.code()).isEqualTo(1);
        assertThat(exited.output()).contains("matchmaking failed to start: MySQL at jdbc:mysql://"
                        + database.serverAddress() + "/" + database.name() + " refused to log in user")
                .contains("check MATCHMAKING_MYSQL_USER and MATCHMAKING_MYSQL_PASSWORD")
                .doesNotContain("cannot reach").doesNotContain("\tat ").doesNotContain("certainly-wrong");
    }

    @Test
    void aMissingDatabaseIsReportedAsSuch() throws Exception {
        String missing = database.url().replace("/" + database.name(), "/" + database.name() + "_missing");
        ServerProcess.Exited exited = ServerProcess.runUntilExit(60, mysqlEnv(missing));

        assertThat(exited.code()).isEqualTo(1);
        assertThat(exited.output()).contains("the database does not exist; create it first").doesNotContain("cannot reach");
    }
}
