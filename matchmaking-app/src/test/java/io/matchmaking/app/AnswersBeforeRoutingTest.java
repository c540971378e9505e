package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The answers Jetty gives before any route runs (a malformed path or request line, headers or a
 * URI too large) are answers like the others: a JSON {@code {"error": ...}} body whatever the
 * method, the request's {@code X-Request-Id}, and one access log line.
 */
class AnswersBeforeRoutingTest {

    private final CapturedAccessLog log = CapturedAccessLog.capture();
    private final MatchmakingServer server = TestServers.start();

    @AfterEach
    void stop() {
        server.stop();
        log.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void aMalformedPathIsAJson400WithTheRequestIdLoggedOnce(String method) throws InterruptedException {
        String requestId = "malformed-" + method;
        String answer;
        try (RawConnection connection = RawConnection.to(server.port())) {
            answer = connection.send(method + " /status/<match_id> HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + requestId
                    + "\r\nContent-Length: 0\r\n\r\n").response();
            // a connection serves its requests one after another, each logged before the next begins:
            // once the next one's line is in, every line the malformed one would get is in too
            connection.send("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Request-Id: next-" + requestId + "\r\n\r\n")
                    .response();
            assertThat(log.awaitRequest("next-" + requestId, 1)).hasSize(1);
        }

        assertThat(answer).startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("\r\nx-request-id: " + requestId + "\r\n")
                .containsIgnoringCase("\r\ncontent-type: application/json")
                .endsWith("\r\n\r\n{\"error\":\"bad request\"}");
        assertLoggedOnce(requestId, method, 400);
    }

    @Test
    void headersTooLargeAreAJson431WithTheRequestIdLoggedOnce() throws InterruptedException {
        String answer;
        try (RawConnection connection = RawConnection.to(server.port())) {
            answer = connection.send("GET /queues HTTP/1.1\r\nHost: x\r\nX-Request-Id: big-1\r\nX-Filler: "
                    + "f".repeat(20_000) + "\r\n\r\n").response();
        }

        assertThat(answer).startsWith("HTTP/1.1 431 ").endsWith("{\"error\":\"request header fields too large\"}");
        List<String> ids = answer.lines().filter(line -> line.toLowerCase().startsWith("x-request-id:")).toList();
        assertThat(ids).as("a generated id: the headers were not read").singleElement().asString()
                .matches("(?i)x-request-id: [0-9a-f]{32}");
        String generated = ids.get(0).substring(ids.get(0).indexOf(':') + 1).trim();
        // the connection is closed after a 431, so no later request on it can mark the end of its
        // lines: a second line of this id is awaited for the whole bounded wait, and must not come
        assertThat(log.awaitRequest(generated, 2)).as("logged once").singleElement().satisfies(line -> assertThat(line)
                .containsEntry("status", 431).containsEntry("route", "UNKNOWN"));
    }

    @Test
    void aUriTooLongIsAJson414() {
        try (RawConnection connection = RawConnection.to(server.port())) {
            String answer = connection.send("GET /status/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").response();

            assertThat(answer).startsWith("HTTP/1.1 414 ").containsIgnoringCase("\r\nx-request-id: ")
                    .endsWith("{\"error\":\"uri too long\"}");
        }
    }

    @Test
    void aMalformedRequestLineIsAJson400() {
        try (RawConnection connection = RawConnection.to(server.port())) {
            String answer = connection.send("GET /queues HTTP/1.1 trailing\r\nHost: x\r\n\r\n").response();

            assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("\r\nx-request-id: ")
                    .endsWith("{\"error\":\"bad request\"}");
        }
    }

    private void assertLoggedOnce(String requestId, String method, int status) throws InterruptedException {
        List<Map<String, Object>> lines = log.awaitRequest(requestId, 1);
        assertThat(lines).as("logged once").hasSize(1);
        assertThat(lines.get(0)).containsEntry("method", method).containsEntry("status", status)
                .containsEntry("route", "UNKNOWN");
    }
}
