package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A join or leave that cannot start its unit of work within MATCHMAKING_REQUEST_DEADLINE of its
 * arrival is answered 503 with Retry-After and never runs: a client that has given up and retried
 * must not find its first attempt landing later.
 */
class RequestDeadlineTest {

    private final ScriptedServer scripted = ScriptedServer.start("MATCHMAKING_REQUEST_DEADLINE", "1");
    private final ScriptedStore store = scripted.store;
    private final TestClient client = scripted.client;

    @AfterEach
    void stop() {
        scripted.close();
    }

    /** Every unit is held until the request's deadline has certainly passed, as behind a busy queue. */
    private void unitsStartLate() {
        store.beforeEachUnit(() -> {
            long late = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_200);
            while (System.nanoTime() - late < 0) {
                Thread.onSpinWait();
            }
        });
    }

    @Test
    void aJoinThatStartsItsUnitPastTheDeadlineIs503AndNeverRuns() {
        unitsStartLate();

        TestResponse join = client.join("late");

        assertThat(join.status()).isEqualTo(503);
        assertThat(join.header("Retry-After")).isEqualTo("1");
        assertThat(join.json().get("error").asText()).contains("did not take effect");
        store.beforeEachUnit(() -> { });
        assertThat(client.get("/players/late").status()).as("the join never ran").isEqualTo(404);
    }

    @Test
    void aLeaveThatStartsItsUnitPastTheDeadlineIs503AndChangesNothing() {
        client.join("p1");
        unitsStartLate();

        TestResponse leave = client.post("/leave", "{\"id\":\"p1\"}");

        assertThat(leave.status()).isEqualTo(503);
        store.beforeEachUnit(() -> { });
        assertThat(client.get("/players/p1").json().get("players").toString()).isEqualTo("[\"p1\"]");
    }
}
