package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.matchmaking.core.QueueStatus;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed request gets a clear 4xx with a JSON error body, and changes nothing: the
 * queues and the match of a player already waiting are exactly as before.
 */
class BadRequestTest {

    private static final String INVALID_ID = "id must be 1..64 characters of A-Z a-z 0-9 . _ : @ -";
    private static final String INVALID_QUEUE = "queue must be 1..64 characters of A-Z a-z 0-9 . _ : @ -";
    private static final String NOT_JSON = "request body is not valid JSON";
    private static final String NOT_OBJECT = "request body must be a JSON object";

    private static MatchmakingServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = TestServers.start();
        client = new TestClient(server.port());
        client.join("anchor");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    record BadRequest(String method, String path, byte[] body, int status, String error) {

        static BadRequest post(String path, String body, int status, String error) {
            return new BadRequest("POST", path, body.getBytes(StandardCharsets.UTF_8), status, error);
        }

        static BadRequest of(String method, String path, int status, String error) {
            return new BadRequest(method, path, new byte[0], status, error);
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                BadRequest.post("/join", "", 400, NOT_OBJECT),
                BadRequest.post("/join", "not json", 400, NOT_JSON),
                BadRequest.post("/join", "{", 400, NOT_JSON),
                BadRequest.post("/join", "{\"id\":\"p1\"} trailing", 400, NOT_JSON),
                BadRequest.post("/join", "{\"id\":\"a\",\"id\":\"b\"}", 400, NOT_JSON),
                BadRequest.post("/join", "[]", 400, NOT_OBJECT),
                BadRequest.post("/join", "[{\"id\":\"p1\"}]", 400, NOT_OBJECT),
                BadRequest.post("/join", "\"p1\"", 400, NOT_OBJECT),
                BadRequest.post("/join", "42", 400, NOT_OBJECT),
                BadRequest.post("/join", "null", 400, NOT_OBJECT),
                BadRequest.post("/join", "{}", 400, "id is required"),
                BadRequest.post("/join", "{\"ID\":\"p1\"}", 400, "id is required"),
                BadRequest.post("/join", "{\"id\":null}", 400, "id must be a string"),
                BadRequest.post("/join", "{\"id\":5}", 400, "id must be a string"),
                BadRequest.post("/join", "{\"id\":true}", 400, "id must be a string"),
                BadRequest.post("/join", "{\"id\":[\"p1\"]}", 400, "id must be a string"),
                BadRequest.post("/join", "{\"id\":{\"value\":\"p1\"}}", 400, "id must be a string"),
                BadRequest.post("/join", "{\"id\":\"\"}", 400, INVALID_ID),
                BadRequest.post("/join", "{\"id\":\"p 1\"}", 400, INVALID_ID),
                BadRequest.post("/join", "{\"id\":\"<script>\"}", 400, INVALID_ID),
                BadRequest.post("/join", "{\"id\":\"p1\\n\"}", 400, INVALID_ID),
                BadRequest.post("/join", "{\"id\":\"joueur-é\"}", 400, INVALID_ID),
                BadRequest.post("/join", "{\"id\":\"" + "x".repeat(65) + "\"}", 400, INVALID_ID),
                BadRequest.post("/join", "{\"id\":\"p1\",\"queue\":5}", 400, "queue must be a string"),
                BadRequest.post("/join", "{\"id\":\"p1\",\"queue\":null}", 400, "queue must be a string"),
                BadRequest.post("/join", "{\"id\":\"p1\",\"queue\":\"\"}", 400, INVALID_QUEUE),
                BadRequest.post("/join", "{\"id\":\"p1\",\"queue\":\"a/b\"}", 400, INVALID_QUEUE),
                BadRequest.post("/join", "{\"id\":\"p1\",\"pad\":\"" + "x".repeat(4100) + "\"}", 413,
                        "request body must be at most 4096 bytes"),
                new BadRequest("POST", "/join", new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'},
                        400, NOT_JSON),
                // found by the fuzzer: bytes Jackson takes for UTF-32 used to escape as a 500
                new BadRequest("POST", "/join", new byte[] {(byte) 0x24, (byte) 0x00, (byte) 0x00, (byte) 0x00, (byte) 0x03, (byte) 0xff, (byte) 0x3a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7b}, 400, NOT_JSON),
                BadRequest.post("/leave", "", 400, NOT_OBJECT),
                BadRequest.post("/leave", "{\"id\":5}", 400, "id must be a string"),
                BadRequest.post("/leave", "{\"id\":\"bad id\"}", 400, INVALID_ID),
                BadRequest.post("/leave", "{\"id\":\"ghost\"}", 404, "player not waiting"),
                BadRequest.of("GET", "/join", 405, "method not allowed"),
                BadRequest.of("PUT", "/join", 405, "method not allowed"),
                BadRequest.of("DELETE", "/status/abc", 405, "method not allowed"),
                BadRequest.of("POST", "/queues", 405, "method not allowed"),
                BadRequest.of("GET", "/nope", 404, "not found"),
                BadRequest.of("POST", "/join/extra", 404, "not found"),
                BadRequest.of("GET", "/status/does-not-exist", 404, "match not found"),
                BadRequest.of("GET", "/status/bad%20id", 404, "match not found"),
                BadRequest.of("GET", "/players/bad%20id", 404, "player not found"),
                BadRequest.of("GET", "/players/nobody", 404, "player not found")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAJsonErrorAndChangesNothing(BadRequest bad) {
        List<QueueStatus> queuesBefore = server.matchmaker().queues();
        Match anchorBefore = server.matchmaker().findPlayerMatch(PlayerId.of("anchor")).orElseThrow();

        TestResponse response = bad.method().equals("POST")
                ? client.post(bad.path(), bad.body())
                : client.method(bad.method(), bad.path(), "");

        assertThat(response.status()).isEqualTo(bad.status());
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"" + bad.error() + "\"}");
        assertThat(server.matchmaker().queues()).extracting(QueueStatus::queue, QueueStatus::playersWaiting)
                .containsExactlyElementsOf(queuesBefore.stream()
                        .map(q -> tuple(q.queue(), q.playersWaiting())).toList());
        assertThat(server.matchmaker().findPlayerMatch(PlayerId.of("anchor"))).contains(anchorBefore);
        assertThat(server.matchmaker().findPlayerMatch(PlayerId.of("p1"))).isEmpty();
    }
}
