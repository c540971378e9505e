package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One access log line per request: method, route template, status, duration, request id. */
class AccessLogTest {

    private final Logger access = (Logger) LoggerFactory.getLogger("io.matchmaking.access");
    private final Captured lines = new Captured();
    private final MatchmakingServer server = TestServers.start();
    private final TestClient client = new TestClient(server.port());

    AccessLogTest() {
        lines.start();
        access.addAppender(lines);
    }

    @AfterEach
    void stop() {
        server.stop();
        access.detachAppender(lines);
    }

    /** The access log is written after the response, so the test polls (bounded) for its lines. */
    private static final class Captured extends AppenderBase<ILoggingEvent> {

        private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }

        List<ILoggingEvent> await(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (events.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return List.copyOf(events);
        }
    }

    private static Map<String, Object> fields(ILoggingEvent event) {
        return event.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    }

    @Test
    void everyRequestIsOneLineWithItsRouteTemplateAndRequestId() throws InterruptedException {
        String match = client.join("p1").json().get("match_id").asText();
        client.get("/status/" + match, "X-Request-Id", "trace-7");
        client.post("/join", "oops");

        List<ILoggingEvent> logged = lines.await(3);
        assertThat(logged).hasSize(3);
        Map<String, Object> status = fields(logged.get(1));
        assertThat(status).containsEntry("method", "GET").containsEntry("route", "/status/{match_id}")
                .containsEntry("status", 200).containsEntry("request_id", "trace-7").containsKey("duration_ms");
        assertThat(logged.get(1).getFormattedMessage()).startsWith("GET /status/{match_id} 200 ")
                .endsWith("request_id=trace-7").doesNotContain(match);
        assertThat(fields(logged.get(2))).containsEntry("status", 400).containsEntry("route", "/join");
    }
}
