package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Any request a client can make to a running server: never a 5xx, every error a JSON body, and a
 * request that is refused changes nothing. Replays the committed inputs in {@code HttpFuzzTestInputs/}
 * on every build; {@code JAZZER_FUZZ=1 ./mvnw -pl matchmaking-app test -Dtest=HttpFuzzTest} fuzzes.
 */
class HttpFuzzTest {

    private static MatchmakingServer server;

    /** Plain blocking HTTP: the fuzzer runs each input on this thread, with no client threads of its own. */
    private static TestResponse send(String method, String path, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port() + path)
                .toURL().openConnection();
        connection.setRequestMethod(method);
        if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        return new TestResponse(status, null, text);
    }

    private static synchronized void startServer() {
        if (server == null) {
            server = TestServers.start();
            new TestClient(server.port()).join("resident");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Who waits where (the oldest wait moves with the clock, so it is left out). */
    private static List<String> waiting() {
        return server.matchmaker().queues().stream()
                .map(queue -> queue.queue() + ":" + queue.playersWaiting())
                .toList();
    }

    @FuzzTest(maxDuration = "60s")
    void anyRequestIsAnsweredWithoutA5xxAndARefusalChangesNothing(FuzzedDataProvider data) throws IOException {
        startServer();
        // the fuzzer's SSRF detector: this test talks to its own server on loopback, on purpose
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
        List<String> before = waiting();
        int route = data.consumeInt(0, 3);
        String text = data.consumeRemainingAsString();
        String segment = URLEncoder.encode(text, StandardCharsets.UTF_8);
        TestResponse response = switch (route) {
            case 0 -> send("POST", "/join", text);
            case 1 -> send("POST", "/leave", text);
            case 2 -> send("GET", "/status/" + segment, null);
            default -> send("GET", "/players/" + segment, null);
        };

        assertThat(response.status()).isLessThan(500);
        if (response.status() != 200) {
            assertThat(response.body()).startsWith("{\"error\":\"").endsWith("\"}");
            if (route == 0) {
                assertThat(waiting()).as("a refused join changes nothing").isEqualTo(before);
            }
        }
    }
}
