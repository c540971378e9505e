package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KnownVariablesTest {

    @Test
    void aMisspeltSettingIsNamedWithTheSettingItResembles() {
        assertThat(KnownVariables.warning("MATCHMAKING_MATCHSIZE")).isEqualTo(
                "MATCHMAKING_MATCHSIZE is not a setting of this server and is ignored; did you mean MATCHMAKING_MATCH_SIZE?");
        assertThat(KnownVariables.closest("MATCHMAKING_WAIT_TIMOUT")).contains("MATCHMAKING_WAIT_TIMEOUT");
        assertThat(KnownVariables.closest("MATCHMAKING_MYSQL_PASWORD")).contains("MATCHMAKING_MYSQL_PASSWORD");
        assertThat(KnownVariables.closest("MATCHMAKING_API_TOKN")).contains("MATCHMAKING_API_TOKEN");
    }

    @Test
    void anUnknownSettingThatResemblesNoneIsNamedWithoutAGuess() {
        assertThat(KnownVariables.closest("MATCHMAKING_FOO")).isEmpty();
        assertThat(KnownVariables.warning("MATCHMAKING_COLOUR_SCHEME"))
                .isEqualTo("MATCHMAKING_COLOUR_SCHEME is not a setting of this server and is ignored");
    }

    @Test
    void onlyUnknownVariablesWithTheServersPrefixAreReported() {
        Map<String, String> env = Map.of("MATCHMAKING_PORT", "1", "MATCHMAKING_MATCHSIZE", "4", "PATH", "/bin",
                "MATCHMAKINGX", "1", "MATCHMAKING_ZZZ", "");
        assertThat(KnownVariables.unknownIn(env)).containsExactly("MATCHMAKING_MATCHSIZE", "MATCHMAKING_ZZZ");
        assertThat(MatchmakingConfig.from(env).ignoredVariables()).containsExactly("MATCHMAKING_MATCHSIZE", "MATCHMAKING_ZZZ");
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndReplacements() {
        assertThat(KnownVariables.editDistance("", "")).isZero();
        assertThat(KnownVariables.editDistance("MATCHSIZE", "MATCH_SIZE")).isEqualTo(1);
        assertThat(KnownVariables.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(KnownVariables.editDistance("abc", "")).isEqualTo(3);
    }

    /** The README's configuration table and the settings the server reads are the same list. */
    @Test
    void theReadmeDocumentsEveryKnownSettingAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Configuration");
        String table = readme.substring(section, readme.indexOf("\n## ", section + 1));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (`MATCHMAKING_[^|]+)\\|").matcher(table);
        while (row.find()) {
            // "`MATCHMAKING_MYSQL_URL` / `_USER` / `_PASSWORD`" abbreviates MATCHMAKING_MYSQL_USER and _PASSWORD
            Matcher names = Pattern.compile("`(MATCHMAKING(?:_[A-Z]+)*?)(_[A-Z]+)`(?: / `(_[A-Z]+)`)?(?: / `(_[A-Z]+)`)?")
                    .matcher(row.group(1));
            assertThat(names.find()).as(row.group(1)).isTrue();
            documented.add(names.group(1) + names.group(2));
            for (int more = 3; more <= names.groupCount(); more++) {
                if (names.group(more) != null) {
                    documented.add(names.group(1) + names.group(more));
                }
            }
        }
        assertThat(documented).isEqualTo(new TreeSet<>(KnownVariables.NAMES));
    }
}
