package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One access log line per request: method, route template, status, duration, request id. */
class AccessLogTest {

    private final CapturedAccessLog lines = CapturedAccessLog.capture();
    private final MatchmakingServer server = TestServers.start();
    private final TestClient client = new TestClient(server.port());

    @AfterEach
    void stop() {
        server.stop();
        lines.close();
    }

    @Test
    void everyRequestIsOneLineWithItsRouteTemplateAndRequestId() throws InterruptedException {
        String match = client.join("p1").json().get("match_id").asText();
        client.get("/status/" + match, "X-Request-Id", "trace-7");
        client.post("/join", "oops");

        List<ILoggingEvent> logged = lines.await(3);
        assertThat(logged).hasSize(3);
        Map<String, Object> status = CapturedAccessLog.fields(logged.get(1));
        assertThat(status).containsEntry("method", "GET").containsEntry("route", "/status/{match_id}")
                .containsEntry("status", 200).containsEntry("request_id", "trace-7").containsKey("duration_ms");
        assertThat(logged.get(1).getFormattedMessage()).startsWith("GET /status/{match_id} 200 ")
                .endsWith("request_id=trace-7").doesNotContain(match);
        assertThat(CapturedAccessLog.fields(logged.get(2))).containsEntry("status", 400).containsEntry("route", "/join");
    }

    @Test
    void aMethodHttpDoesNotDefineIsLoggedAsOtherSoNoClientCanMintMetricSeries() throws InterruptedException {
        try (RawConnection connection = RawConnection.to(server.port())) {
            connection.send("FROBNICATE /queues HTTP/1.1\r\nHost: x\r\nX-Request-Id: odd-1\r\n\r\n");
            assertThat(connection.response()).startsWith("HTTP/1.1 ");
        }

        assertThat(lines.awaitRequest("odd-1", 1)).singleElement().satisfies(line ->
                assertThat(line.get("method")).isEqualTo("OTHER"));
        assertThat(client.get("/metrics").body()).doesNotContain("FROBNICATE");
    }
}
