package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Leave, player lookup, queues and health, over real HTTP. */
class ExtraEndpointsTest extends RunningServerTest {

    @Test
    void leaveAnswersTheMatchWithoutThePlayer() {
        String id = client.join("p1").json().get("match_id").asText();
        client.join("p2");

        TestResponse left = client.post("/leave", "{\"id\":\"p1\"}");

        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("match_id").asText()).isEqualTo(id);
        assertThat(left.json().get("players").toString()).isEqualTo("[\"p2\"]");
        assertThat(client.get("/status/" + id).json()).isEqualTo(left.json());
    }

    @Test
    void leavingWhenNotWaitingIs404() {
        TestResponse ghost = client.post("/leave", "{\"id\":\"ghost\"}");
        assertThat(ghost.status()).isEqualTo(404);
        assertThat(ghost.body()).isEqualTo("{\"error\":\"player not waiting\"}");

        client.join("p1");
        client.join("p2");
        client.join("p3");
        TestResponse ready = client.post("/leave", "{\"id\":\"p1\"}");
        assertThat(ready.status()).as("a ready match cannot be left").isEqualTo(404);
        assertThat(ready.body()).isEqualTo("{\"error\":\"player not waiting\"}");
    }

    @Test
    void playersAnswersTheWaitingMatchElseTheLatestReadyOne() {
        ObjectNode waiting = (ObjectNode) client.join("p1").json();
        waiting.put("seats_left", 2).putNull("expected_wait_seconds");
        assertThat(client.get("/players/p1").json()).as("the match, and how far from ready").isEqualTo(waiting);

        client.join("p2");
        JsonNode ready = client.join("p3").json();
        assertThat(client.get("/players/p1").json()).isEqualTo(ready);
    }

    @Test
    void anUnknownPlayerIs404() {
        TestResponse response = client.get("/players/nobody");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"player not found\"}");
    }

    @Test
    void queuesListPlayersWaitingPerQueue() {
        assertThat(client.get("/queues").body()).isEqualTo("{\"queues\":[]}");
        client.join("p1");
        client.post("/join", "{\"id\":\"p2\",\"queue\":\"ranked\"}");
        client.post("/join", "{\"id\":\"p3\",\"queue\":\"ranked\"}");

        JsonNode queues = client.get("/queues").json().get("queues");

        assertThat(queues).hasSize(2);
        assertThat(queues.get(0).get("queue").asText()).isEqualTo("default");
        assertThat(queues.get(0).get("players_waiting").asInt()).isEqualTo(1);
        assertThat(queues.get(1).get("queue").asText()).isEqualTo("ranked");
        assertThat(queues.get(1).get("players_waiting").asInt()).isEqualTo(2);
        assertThat(queues.get(1).get("oldest_wait_seconds").isIntegralNumber()).isTrue();
    }

    @Test
    void aQueueIsItsOwnFifo() {
        String casual = client.join("p1").json().get("match_id").asText();
        JsonNode ranked = client.post("/join", "{\"id\":\"p2\",\"queue\":\"ranked\"}").json();
        assertThat(ranked.get("match_id").asText()).isNotEqualTo(casual);
        assertThat(ranked.get("players").toString()).isEqualTo("[\"p2\"]");
    }

    @Test
    void healthIsUpAndReady() {
        TestResponse live = client.get("/health/live");
        TestResponse ready = client.get("/health/ready");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"up\"}");
    }
}
