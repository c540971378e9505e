package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The seed endpoints, whose JSON shapes game clients already rely on, over real HTTP. */
class SeedEndpointsTest extends RunningServerTest {

    @Test
    void joinAnswersTheWaitingMatchWithExactlyTheSeedFields() {
        long before = System.currentTimeMillis() / 1000;
        TestResponse response = client.join("p1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json").contains("charset=utf-8");
        JsonNode match = response.json();
        assertThat(match.fieldNames()).toIterable().containsExactly("match_id", "status", "players", "updated_at");
        assertThat(match.get("match_id").asText()).isNotBlank();
        assertThat(match.get("status").asText()).isEqualTo("waiting");
        assertThat(match.get("players")).hasSize(1);
        assertThat(match.get("players").get(0).asText()).isEqualTo("p1");
        assertThat(match.get("updated_at").isIntegralNumber()).isTrue();
        assertThat(match.get("updated_at").asLong()).isBetween(before, before + 5);
    }

    @Test
    void theCompletingJoinGetsReadyAndReadyAtInItsOwnAnswer() {
        String id = client.join("p1").json().get("match_id").asText();
        client.join("p2");
        JsonNode third = client.join("p3").json();

        assertThat(third.get("match_id").asText()).isEqualTo(id);
        assertThat(third.get("status").asText()).isEqualTo("ready");
        assertThat(third.get("players").toString()).isEqualTo("[\"p1\",\"p2\",\"p3\"]");
        assertThat(third.get("ready_at").isIntegralNumber()).isTrue();
        assertThat(third.get("ready_at").asLong()).isEqualTo(third.get("updated_at").asLong());
    }

    @Test
    void joiningAgainWhileWaitingAnswersTheSameMatchUnchanged() {
        TestResponse first = client.join("p1");
        TestResponse again = client.join("p1");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void aPlayerWhoseMatchIsReadyGetsANewPlace() {
        String ready = client.join("p1").json().get("match_id").asText();
        client.join("p2");
        client.join("p3");
        JsonNode again = client.join("p1").json();

        assertThat(again.get("match_id").asText()).isNotEqualTo(ready);
        assertThat(again.get("status").asText()).isEqualTo("waiting");
    }

    @Test
    void statusAnswersTheSameShapeAsJoin() {
        String id = client.join("p1").json().get("match_id").asText();
        client.join("p2");
        JsonNode completed = client.join("p3").json();

        TestResponse status = client.get("/status/" + id);

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json()).isEqualTo(completed);
        assertThat(status.json().fieldNames()).toIterable()
                .containsExactly("match_id", "status", "players", "updated_at", "ready_at");
    }

    @Test
    void statusOfAWaitingMatchHasNoReadyAt() {
        String id = client.join("p1").json().get("match_id").asText();
        JsonNode status = client.get("/status/" + id).json();
        assertThat(status.has("ready_at")).isFalse();
        assertThat(status.get("status").asText()).isEqualTo("waiting");
    }

    @Test
    void statusOfAnUnknownMatchIs404WithTheSeedError() {
        TestResponse response = client.get("/status/no-such-match");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"match not found\"}");
    }

    @Test
    void unknownBodyFieldsAreIgnored() {
        TestResponse response = client.post("/join", "{\"id\":\"p1\",\"level\":12,\"region\":\"eu\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("players").get(0).asText()).isEqualTo("p1");
    }
}
