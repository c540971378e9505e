package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing store is a clear 5xx that leaks nothing; an unreachable one is 503 with Retry-After. */
class StoreFailureTest {

    private final AtomicReference<ScriptedStore> store = new AtomicReference<>();
    private final MatchmakingServer server = TestServers.start(real -> {
        store.set(new ScriptedStore(real));
        return store.get();
    });
    private final TestClient client = new TestClient(server.port());

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anUnreachableStoreIs503WithRetryAfterAndNotReady() {
        store.get().available(false);
        store.get().beforeEachCall(() -> {
            throw new StoreUnavailableException("connection refused: jdbc:mysql://10.0.0.7:3306/secret");
        });

        TestResponse join = client.join("p1");

        assertThat(join.status()).isEqualTo(503);
        assertThat(join.header("Retry-After")).isEqualTo("1");
        assertThat(join.body()).isEqualTo("{\"error\":\"store unavailable, retry later\"}");
        TestResponse ready = client.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("{\"status\":\"down\",\"reason\":\"store unavailable\"}");
        assertThat(client.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void metricsStillAnswerWhileTheStoreIsDown() {
        client.join("p1");
        server.matchmaker().sweep();
        assertThat(client.get("/metrics").body()).contains("matchmaking_players_waiting{queue=\"default\"} 1.0");
        store.get().beforeEachCall(() -> {
            throw new StoreUnavailableException("down");
        });

        TestResponse metrics = client.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "matchmaking_players_waiting{queue=\"default\"} 1.0");
    }

    @Test
    void theRequestDidNotTakeEffectAndTheStoreRecovers() {
        store.get().beforeEachCall(() -> {
            throw new StoreUnavailableException("down");
        });
        assertThat(client.join("p1").status()).isEqualTo(503);

        store.get().beforeEachCall(() -> { });
        TestResponse after = client.join("p2");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("players").toString()).isEqualTo("[\"p2\"]");
    }

    @Test
    void anUnexpectedFailureIs500WithoutAnyDetail() {
        store.get().beforeEachCall(() -> {
            throw new IllegalStateException("secret internal detail in io.matchmaking.SomeClass");
        });

        for (TestResponse response : new TestResponse[] {
                client.join("p1"), client.get("/status/m1"), client.get("/players/p1"), client.get("/queues")}) {
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"error\":\"Internal Server Error\"}");
        }
    }
}
