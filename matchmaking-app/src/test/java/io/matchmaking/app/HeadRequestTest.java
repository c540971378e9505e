package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * HEAD answers what GET would, status and headers, without a body, on every GET route: a load
 * balancer that checks {@code HEAD /health/ready} must see the 503 of an instance whose store is down.
 */
class HeadRequestTest extends ScriptedServerTest {

    /** Headers that may differ between two answers to the same request. */
    private static final List<String> PER_ANSWER = List.of("date", "content-length");

    @Test
    void everyGetRouteAnswersHeadWithTheStatusAndHeadersOfGetAndNoBody() {
        String waiting = client.join("p1").json().get("match_id").asText();
        List<String> paths = List.of("/status/" + waiting, "/status/" + waiting + "?wait=99", "/status/no-such-match",
                "/players/p1", "/players/nobody", "/queues", "/health/live", "/health/ready", "/metrics", "/openapi.yaml",
                "/no-such-route");

        SoftAssertions softly = new SoftAssertions();
        try (RawConnection connection = RawConnection.to(server.port())) {
            for (String path : paths) {
                String get = connection.send(request("GET", path)).response();
                // a body after HEAD's head would be read as the next answer's status line
                String head = connection.send(request("HEAD", path)).headOnly();
                softly.assertThat(statusLine(head)).as("HEAD %s", path).isEqualTo(statusLine(get));
                softly.assertThat(headers(head)).as("HEAD %s", path).isEqualTo(headers(get));
                if (!path.equals("/metrics")) {
                    softly.assertThat(header(head, "content-length")).as("HEAD %s", path).isEqualTo(header(get, "content-length"));
                }
            }
            softly.assertThat(connection.send(request("GET", "/health/live")).response()).startsWith("HTTP/1.1 200");
        }
        softly.assertAll();
    }

    @Test
    void headOfReadinessIs503WhileTheStoreIsDown() {
        store.available(false);

        TestResponse head = client.method("HEAD", "/health/ready", "");

        assertThat(head.status()).isEqualTo(503);
        assertThat(client.get("/health/ready").status()).isEqualTo(503);
    }

    @Test
    void headOfAPostRouteIs405NamingTheMethodsItTakes() {
        TestResponse head = client.method("HEAD", "/join", "");

        assertThat(head.status()).isEqualTo(405);
        assertThat(head.header("Allow")).isEqualTo("POST");
    }

    @Test
    void headIsLoggedWithItsRoute() throws InterruptedException {
        try (CapturedAccessLog log = CapturedAccessLog.capture()) {
            client.method("HEAD", "/health/ready", "");
            client.get("/status/nope", "X-Request-Id", "get-1");
            try (RawConnection connection = RawConnection.to(server.port())) {
                connection.send("HEAD /status/nope HTTP/1.1\r\nHost: x\r\nX-Request-Id: head-1\r\n\r\n").headOnly();
            }

            assertThat(log.awaitRequest("head-1", 1)).singleElement().satisfies(line -> assertThat(line)
                    .containsEntry("method", "HEAD").containsEntry("route", "/status/{match_id}").containsEntry("status", 404));
        }
    }

    @Test
    void headNeedsTheTokenWhereGetDoes() {
        MatchmakingServer guarded = TestServers.start("MATCHMAKING_API_TOKEN", "t0k3n");
        try {
            TestClient guardedClient = new TestClient(guarded.port());
            assertThat(guardedClient.method("HEAD", "/queues", "").status()).isEqualTo(401);
            assertThat(guardedClient.method("HEAD", "/health/ready", "").status()).isEqualTo(200);
        } finally {
            guarded.stop();
        }
    }

    private static String request(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nX-Request-Id: same-id\r\n\r\n";
    }

    private static String statusLine(String response) {
        return response.substring(0, response.indexOf("\r\n"));
    }

    /** The head's header lines, lower-cased names, without those that differ from answer to answer. */
    private static List<String> headers(String response) {
        String head = response.substring(response.indexOf("\r\n") + 2, response.indexOf("\r\n\r\n"));
        return Arrays.stream(head.split("\r\n"))
                .map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> PER_ANSWER.stream().noneMatch(name -> line.startsWith(name + ":")))
                .sorted().toList();
    }

    private static String header(String response, String name) {
        return Arrays.stream(response.split("\r\n")).map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> line.startsWith(name + ":")).findFirst().orElse(null);
    }
}
