package io.matchmaking.app;

import static io.matchmaking.app.Held.awaitHeld;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /status/{id}?wait=N}: held until the match changes, ETags and 304, no thread per waiter. */
class LongPollTest extends RunningServerTest {

    /** One address drives many clients here; its rate limit is not what this tests (SlowSendersTest, LimitsTest do). */
    LongPollTest() {
        super("MATCHMAKING_ADDRESS_RATE_LIMIT", "0");
    }

    private String open(String player) {
        return client.join(player).json().get("match_id").asText();
    }

    @Test
    void everyMatchAnswerCarriesTheVersionAsETag() {
        TestResponse first = client.join("p1");
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        String id = first.json().get("match_id").asText();
        assertThat(client.join("p2").header("ETag")).isEqualTo("\"2\"");
        assertThat(client.get("/status/" + id).header("ETag")).isEqualTo("\"2\"");
        assertThat(client.get("/players/p1").header("ETag")).isEqualTo("\"2\"");
        assertThat(client.post("/leave", "{\"id\":\"p2\"}").header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void ifNoneMatchOfTheCurrentVersionIs304AndOfAnOlderOne200() {
        String id = open("p1");
        TestResponse same = client.get("/status/" + id, "If-None-Match", "\"1\"");
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo("\"1\"");
        assertThat(client.get("/status/" + id, "If-None-Match", "W/\"1\"").status()).isEqualTo(304);

        client.join("p2");
        TestResponse behind = client.get("/status/" + id + "?wait=30", "If-None-Match", "\"1\"");
        assertThat(behind.status()).as("a client that is behind is answered at once").isEqualTo(200);
        assertThat(behind.json().get("players")).hasSize(2);
    }

    @Test
    void aChangeReleasesAHeldRequestWithin100Milliseconds() throws Exception {
        client.post("/join", "{\"id\":\"warm-up\",\"queue\":\"warm-up\"}");
        String id = open("p1");
        CompletableFuture<Long> releasedAt = new CompletableFuture<>();
        CompletableFuture<TestResponse> held = client.getAsync("/status/" + id + "?wait=30")
                .whenComplete((response, failure) -> releasedAt.complete(System.nanoTime()));
        awaitHeld(server, 1);

        client.join("p2");
        long joinAnsweredAt = System.nanoTime();

        TestResponse response = held.get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("players")).hasSize(2);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        assertThat(TimeUnit.NANOSECONDS.toMillis(releasedAt.get() - joinAnsweredAt)).isLessThan(100);
    }

    @Test
    void aTimeoutAnswers304WithIfNoneMatchAnd200Without() {
        String id = open("p1");

        TestResponse conditional = client.get("/status/" + id + "?wait=1", "If-None-Match", "\"1\"");
        TestResponse plain = client.get("/status/" + id + "?wait=1");

        assertThat(conditional.status()).isEqualTo(304);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().get("players")).hasSize(1);
        assertThat(server.heldRequests()).isZero();
    }

    @Test
    void aReadyMatchIsAnsweredAtOnce() {
        String id = open("p1");
        client.join("p2");
        client.join("p3");
        TestResponse response = client.get("/status/" + id + "?wait=60");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ready");
        assertThat(client.get("/status/" + id + "?wait=60", "If-None-Match", "\"3\"").status()).isEqualTo(304);
    }

    @Test
    void aLeaveReleasesTheWaitersToo() throws Exception {
        String id = open("p1");
        client.join("p2");
        CompletableFuture<TestResponse> held = client.getAsync("/status/" + id + "?wait=30", "If-None-Match", "\"2\"");
        awaitHeld(server, 1);

        client.post("/leave", "{\"id\":\"p2\"}");

        JsonNode after = held.get(10, TimeUnit.SECONDS).json();
        assertThat(after.get("players").toString()).isEqualTo("[\"p1\"]");
    }

    @Test
    void aThousandWaitersAreReleasedByOneChange() throws Exception {
        String id = open("p1");
        List<CompletableFuture<TestResponse>> held = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            held.add(client.getAsync("/status/" + id + "?wait=60", "If-None-Match", "\"1\""));
        }
        awaitHeld(server, 1_000);

        client.join("p2");

        for (CompletableFuture<TestResponse> waiter : held) {
            TestResponse response = waiter.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("players")).hasSize(2);
        }
        assertThat(server.heldRequests()).isZero();
    }

    @Test
    void shutdownAnswersHeldRequestsAtOnce() throws Exception {
        String id = open("p1");
        CompletableFuture<TestResponse> held = client.getAsync("/status/" + id + "?wait=60");
        awaitHeld(server, 1);

        CompletableFuture.runAsync(server::stop);

        TestResponse response = held.get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("players").toString()).isEqualTo("[\"p1\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "61", "100", "abc", "1.5", "", "+5", "0x1", "999999999999"})
    void anInvalidWaitIs400(String wait) {
        String id = open("p1");
        TestResponse response = client.get("/status/" + id + "?wait=" + wait);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"wait must be a whole number of seconds from 0 to 60\"}");
    }

    @Test
    void waitZeroAndSixtyAreValid() {
        String id = open("p1");
        assertThat(client.get("/status/" + id + "?wait=0").status()).isEqualTo(200);
        client.join("p2");
        client.join("p3");
        assertThat(client.get("/status/" + id + "?wait=60").status()).isEqualTo(200);
    }
}
