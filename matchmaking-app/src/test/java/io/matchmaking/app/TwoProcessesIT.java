package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two server processes on one database, 8 clients spread over both: every invariant holds. */
class TwoProcessesIT extends MySqlProcessTest {

    @Test
    void everyInvariantHoldsAcrossProcesses() throws Exception {
        try (ServerProcess first = ServerProcess.start(mysqlEnv(database.url(), ONE_ADDRESS_LOAD));
                ServerProcess second = ServerProcess.start(mysqlEnv(database.url(), ONE_ADDRESS_LOAD))) {
            JoinLoad load = JoinLoad.start("two", 8, 250, first.client(), second.client()).finish();

            assertThat(load.acknowledged()).hasSize(2_000);
            assertThat(load.unexpectedAnswers()).isZero();
            load.assertAllKept(first.client(), 3);
            load.assertAllKept(second.client(), 3);
        }
    }
}
