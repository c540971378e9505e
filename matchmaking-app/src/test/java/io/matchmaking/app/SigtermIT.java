package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during load with held long polls: every held request is answered, the process exits
 * within the shutdown timeout, and no acknowledged join is lost.
 */
class SigtermIT extends MySqlProcessTest {

    @Test
    void heldRequestsAreAnsweredAndNothingAcknowledgedIsLost() throws Exception {
        JoinLoad load;
        List<CompletableFuture<TestResponse>> held = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(mysqlEnv(database.url(), "MATCHMAKING_SHUTDOWN_TIMEOUT", "10", ONE_ADDRESS_LOAD[0], ONE_ADDRESS_LOAD[1]))) {
            TestClient client = server.client();
            String match = client.post("/join", "{\"id\":\"watcher\",\"queue\":\"watch\"}").json().get("match_id").asText();
            for (int i = 0; i < 50; i++) {
                held.add(client.getAsync("/status/" + match + "?wait=60", "If-None-Match", "\"1\""));
            }
            load = JoinLoad.start("term", 8, 100_000, client);
            load.awaitAcknowledged(300);

            server.terminate();

            assertThat(server.exitedWithin(15)).as("exits within the shutdown timeout").isTrue();
            load.stop();
            for (CompletableFuture<TestResponse> request : held) {
                assertThat(request.get(5, TimeUnit.SECONDS).status()).isIn(200, 304);
            }
            assertThat(server.output()).contains("shutting down", "stopped");
        }
        try (ServerProcess restarted = ServerProcess.start(mysqlEnv(database.url(), ONE_ADDRESS_LOAD))) {
            load.assertAllKept(restarted.client(), 3);
        }
    }
}
