package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** kill -9 under load, then a restart: every join answered 200 is there, with the same match. */
class KillNineIT extends MySqlProcessTest {

    @Test
    void noAcknowledgedJoinIsLost() throws Exception {
        JoinLoad load;
        try (ServerProcess first = ServerProcess.start(mysqlEnv(database.url(), ONE_ADDRESS_LOAD))) {
            load = JoinLoad.start("k9", 8, 100_000, first.client());
            load.awaitAcknowledged(1_000);
            first.killNine();
            load.stop();
        }
        try (ServerProcess second = ServerProcess.start(mysqlEnv(database.url(), ONE_ADDRESS_LOAD))) {
            load.assertAllKept(second.client(), 3);
            assertThat(load.unexpectedAnswers()).isZero();
        }
    }
}
