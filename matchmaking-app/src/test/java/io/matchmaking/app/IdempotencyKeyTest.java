package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Idempotency-Key} on POST /join and /leave: the same key and body answer the first
 * request's match as it is now, never a second place; another body is 422; the same key while
 * the first is in flight is 409 with Retry-After; a malformed key is 400.
 */
@Timeout(30)
class IdempotencyKeyTest extends ScriptedServerTest {

    private TestResponse join(String player, String key) {
        return client.post("/join", "{\"id\":\"" + player + "\"}", "Idempotency-Key", key);
    }

    @Test
    void aJoinRepeatedWithItsKeyAnswersTheFirstMatchAsItIsNowAlsoOnceReady() {
        TestResponse first = join("p1", "k1");
        assertThat(join("p1", "k1").json()).isEqualTo(first.json());
        client.join("p2");
        TestResponse ready = client.join("p3");

        TestResponse again = join("p1", "k1");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(ready.json());
        assertThat(again.header("ETag")).isEqualTo(ready.header("ETag"));
        assertThat(client.get("/queues").json().get("queues")).as("p1 took no second place").isEmpty();
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        TestResponse first = join("p1", "k1");

        TestResponse other = client.post("/join", "{\"id\":\"p1\",\"queue\":\"ranked\"}", "Idempotency-Key", "k1");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("error").asText()).contains("Idempotency-Key was used for another request");
        JsonNode place = client.get("/players/p1").json();
        assertThat(place.get("match_id")).isEqualTo(first.json().get("match_id"));
        assertThat(place.get("players")).isEqualTo(first.json().get("players"));
        assertThat(place.get("updated_at")).isEqualTo(first.json().get("updated_at"));
    }

    @Test
    void aMalformedKeyIs400AndChangesNothing() {
        TestResponse refused = join("p1", "not a key");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).startsWith("Idempotency-Key must be");
        assertThat(client.get("/players/p1").status()).isEqualTo(404);
    }

    @Test
    void theSameKeyWhileTheFirstIsInFlightIs409WithRetryAfter() throws Exception {
        ScriptedServer.Gate gate = scripted.holdUnits();
        CompletableFuture<TestResponse> first = CompletableFuture.supplyAsync(() -> join("p1", "k1"));
        assertThat(gate.awaitEntered()).isTrue();

        TestResponse second = join("p1", "k1");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Retry-After")).isEqualTo("1");
        gate.open();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        store.beforeEachUnit(() -> { });
        assertThat(join("p1", "k1").json()).isEqualTo(first.get().json());
    }

    @Test
    void aLeaveRepeatedWithItsKeyAnswersTheFirstLeavesMatch() {
        client.join("p1");
        client.join("p2");
        TestResponse left = client.post("/leave", "{\"id\":\"p1\"}", "Idempotency-Key", "bye-1");

        TestResponse again = client.post("/leave", "{\"id\":\"p1\"}", "Idempotency-Key", "bye-1");

        assertThat(left.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(left.json());
        assertThat(client.post("/leave", "{\"id\":\"p1\"}").status()).as("without the key: not waiting").isEqualTo(404);
    }
}
