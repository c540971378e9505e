package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class FileDescriptorBudgetTest {

    /** The largest MATCHMAKING_MAX_CONNECTIONS the configuration takes. */
    private static final long MOST_CONNECTIONS = 1_000_000;

    @Test
    void aCapNeedsADescriptorPerConnectionTheMarginWhereAcceptingPausesAndTheProcessOwn() {
        assertThat(FileDescriptorBudget.needed(10_000)).isEqualTo(10_000 + 1_000 + 256);
        assertThat(FileDescriptorBudget.needed(4)).isEqualTo(4 + 16 + 256);
    }

    @Test
    void enoughDescriptorsSayNothing() {
        assertThat(FileDescriptorBudget.warning(10_000, 11_256)).isEmpty();
        assertThat(FileDescriptorBudget.warning(10_000, 1_048_576)).isEmpty();
    }

    @Test
    void tooFewSayHowManyAreNeededAndWhereConnectionsWillFail() {
        assertThat(FileDescriptorBudget.warning(10_000, 1_024)).hasValue(
                "MATCHMAKING_MAX_CONNECTIONS=10000 needs about 11256 open files and this process may open 1024 (ulimit -n):"
                        + " connections beyond about 768 will fail to be accepted; raise the limit or lower the cap");
    }

    @Test
    void theServerWarnsAtStartUpOfACapBeyondThisProcesssRealLimit() {
        long openable = FileDescriptorBudget.openableFiles().orElseThrow();
        int cap = (int) Math.min(MOST_CONNECTIONS, openable);
        assumeTrue(FileDescriptorBudget.needed(cap) > openable,
                "this process may open " + openable + " files, more than the largest cap needs");
        try (CapturedAccessLog log = CapturedAccessLog.captureAll()) {
            MatchmakingServer server = TestServers.start("MATCHMAKING_MAX_CONNECTIONS", Integer.toString(cap));
            server.stop();
            assertThat(log.lines()).anyMatch(line -> line.startsWith("MATCHMAKING_MAX_CONNECTIONS=" + cap + " needs about"));
        }
    }

    @Test
    void aCapWithinTheLimitStartsWithoutAWord() {
        long openable = FileDescriptorBudget.openableFiles().orElseThrow();
        int cap = (int) Math.max(1, Math.min(MOST_CONNECTIONS,
                (openable - FileDescriptorBudget.BESIDES_CONNECTIONS) * 10 / 11 - 16));
        try (CapturedAccessLog log = CapturedAccessLog.captureAll()) {
            MatchmakingServer server = TestServers.start("MATCHMAKING_MAX_CONNECTIONS", Integer.toString(cap));
            server.stop();
            assertThat(log.lines()).noneMatch(line -> line.contains("open files"));
        }
    }
}
