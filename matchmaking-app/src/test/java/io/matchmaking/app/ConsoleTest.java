package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.matchmaking.http.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The operator console over HTTP: its page and files, its JSON, and who may read it. */
@Timeout(60)
class ConsoleTest {

    private static final String TOKEN = "console-t0k3n";
    private static final String[] SERVER = TestClient.bearer(TOKEN);

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : started) {
            server.close();
        }
    }

    private MatchmakingServer start(String... overrides) {
        MatchmakingServer server = TestServers.start(overrides);
        started.add(server::stop);
        return server;
    }

    @Test
    void thePageAndEveryFileItNamesAreServedFromThisServerUnderAStrictPolicy() {
        TestClient client = new TestClient(start().port());

        TestResponse page = client.get("/console");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Matcher named = Pattern.compile("(?:href|src)=\"(console/[^\"]+)\"").matcher(page.body());
        List<String> files = new ArrayList<>();
        while (named.find()) {
            files.add("/" + named.group(1));
        }
        assertThat(files).as("the page's scripts and styles, uPlot's among them")
                .contains("/console/assets/uPlot.iife.min.js", "/console/assets/console.js").hasSize(4);
        assertThat(page.body()).as("nothing from elsewhere: the page works offline").doesNotContain("http://", "https://");
        for (String file : files) {
            TestResponse served = client.get(file);
            assertThat(served.status()).as(file).isEqualTo(200);
            assertThat(served.header("Content-Type")).as(file).startsWith(file.endsWith(".js") ? "text/javascript" : "text/css");
            assertThat(served.body()).as(file).isNotBlank();
        }
    }

    @Test
    void anUnknownFileIsAJson404AndTheTrailingSlashLeadsToThePage() {
        TestClient client = new TestClient(start().port());

        TestResponse unknown = client.get("/console/assets/..%2Fopenapi.yaml");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("no such console file");
        assertThat(client.get("/console/assets/index.html").status()).isEqualTo(404);

        TestResponse slash = client.get("/console/");
        assertThat(slash.status()).isEqualTo(308);
        assertThat(slash.header("Location")).as("relative, for a proxy that adds a prefix").isEqualTo("../console");
        TestResponse head = client.method("HEAD", "/console", "");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void queuesAreWhatTheLastSweepRead() {
        MatchmakingServer server = start("MATCHMAKING_SWEEP_INTERVAL", "3600");
        TestClient client = new TestClient(server.port());
        client.post("/join", "{\"id\":\"p1\",\"queue\":\"ranked\"}");
        client.post("/join", "{\"id\":\"p2\",\"queue\":\"ranked\"}");
        client.post("/join", "{\"id\":\"p3\",\"queue\":\"casual\"}");
        assertThat(client.get("/console/api/queues").json().get("queues")).as("no sweep yet: no table read").isEmpty();

        server.matchmaker().sweep();

        JsonNode queues = client.get("/console/api/queues").json().get("queues");
        assertThat(queues).hasSize(2);
        assertThat(queues.findValuesAsText("queue")).containsExactlyInAnyOrder("ranked", "casual");
        for (JsonNode queue : queues) {
            assertThat(queue.get("players_waiting").asInt()).isEqualTo(queue.get("queue").asText().equals("ranked") ? 2 : 1);
            assertThat(queue.get("oldest_wait_seconds").asLong()).isNotNegative();
        }
    }

    @Test
    void matchesAreCountedPerMinuteWithTheirTimesAndTheLatestFirst() {
        TestClient client = new TestClient(start().port());
        JsonNode before = client.get("/console/api/matches").json();
        assertThat(before.get("per_minute")).hasSize(60);
        assertThat(before.get("last_hour").asLong()).isZero();
        assertThat(before.get("time_to_ready").isNull()).isTrue();
        assertThat(before.get("latest")).isEmpty();

        for (String player : List.of("a1", "a2", "a3", "b1", "b2", "b3", "c1")) {
            assertThat(client.join(player).status()).isEqualTo(200);
        }

        JsonNode after = client.get("/console/api/matches").json();
        assertThat(after.get("last_hour").asLong()).isEqualTo(2);
        JsonNode minutes = after.get("per_minute");
        long counted = 0;
        for (int i = 1; i < minutes.size(); i++) {
            assertThat(minutes.get(i).get("minute").asLong() - minutes.get(i - 1).get("minute").asLong()).isEqualTo(60);
            counted += minutes.get(i).get("matches").asLong();
        }
        assertThat(counted + minutes.get(0).get("matches").asLong()).isEqualTo(2);
        assertThat(minutes.get(59).get("minute").asLong()).isLessThanOrEqualTo(System.currentTimeMillis() / 1000);
        JsonNode time = after.get("time_to_ready");
        assertThat(time.get("p50_seconds").asDouble()).isLessThanOrEqualTo(time.get("p95_seconds").asDouble());
        assertThat(time.get("p95_seconds").asDouble()).isLessThanOrEqualTo(time.get("p99_seconds").asDouble());
        JsonNode latest = after.get("latest");
        assertThat(latest).hasSize(2);
        assertThat(latest.get(0).get("players")).extracting(JsonNode::asText).containsExactly("b1", "b2", "b3");
        assertThat(latest.get(1).get("players")).extracting(JsonNode::asText).containsExactly("a1", "a2", "a3");
        assertThat(latest.get(0).get("queue").asText()).isEqualTo("default");
        assertThat(latest.get(0).get("match_id").asText())
                .isEqualTo(client.get("/players/b1").json().get("match_id").asText());
    }

    @Test
    void theInstanceTellsOfItsHeldLongPollsAndItsStore() throws Exception {
        ScriptedServer scripted = ScriptedServer.start();
        started.add(scripted);
        TestClient client = scripted.client;
        String waiting = client.join("p1").json().get("match_id").asText();
        CompletableFuture<TestResponse> held = CompletableFuture.supplyAsync(() -> client.get("/status/" + waiting + "?wait=30"));
        Held.awaitHeld(scripted.server, 1);

        JsonNode instance = client.get("/console/api/instance").json();
        assertThat(instance.get("held_long_polls").asInt()).isEqualTo(1);
        assertThat(instance.get("ready").asBoolean()).isTrue();
        assertThat(instance.get("store_reachable").asBoolean()).isTrue();
        assertThat(instance.get("rate_window_seconds").asInt()).isBetween(0, 10);
        client.join("p2");
        assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);

        scripted.store.available(false);
        JsonNode down = client.get("/console/api/instance").json();
        assertThat(down.get("store_reachable").asBoolean()).isFalse();
        assertThat(down.get("ready").asBoolean()).isFalse();
        assertThat(down.get("held_long_polls").asInt()).isZero();
    }

    @Test
    void requestAndErrorRatesCountTheApisAnswersNotProbesScrapesOrTheConsolesOwn() throws Exception {
        ScriptedServer scripted = ScriptedServer.start();
        started.add(scripted);
        TestClient client = scripted.client;
        // past the partial second counting began in and one whole second more: a rate then counts
        long quietUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2200);
        JsonNode quiet;
        do {
            // paced as the page paces itself, under the address rate limit of an open API
            Thread.sleep(100);
            assertThat(client.get("/health/ready").status()).isEqualTo(200);
            assertThat(client.get("/metrics").status()).isEqualTo(200);
            quiet = client.get("/console/api/instance").json();
        } while (System.nanoTime() < quietUntil);
        assertThat(quiet.get("rate_window_seconds").asInt()).as("a whole second was counted").isPositive();
        assertThat(quiet.get("requests_per_second").asDouble())
                .as("only the console, health probes and scrapes asked, for a whole second").isZero();

        for (int i = 0; i < 10; i++) {
            client.join("p" + i);
            client.get("/status/unknown");
        }
        assertThat(client.get("/console/assets/probed.js").status()).as("the console's refusals count").isEqualTo(404);
        scripted.store.beforeEachCall(() -> {
            throw new IllegalStateException("broken");
        });
        assertThat(client.join("doomed").status()).isEqualTo(500);
        scripted.store.beforeEachCall(() -> { });

        JsonNode busy = awaitInstance(client, instance -> instance.get("server_errors_per_second").asDouble() > 0);
        assertThat(busy.get("requests_per_second").asDouble()).isGreaterThan(0);
        assertThat(busy.get("client_errors_per_second").asDouble()).isGreaterThan(0);
        assertThat(busy.get("server_error_ratio").asDouble()).isCloseTo(1.0 / 22, org.assertj.core.data.Offset.offset(0.001));
    }

    /** Bounded polling: a rate counts whole seconds only, so a change shows once its second has passed. */
    private static JsonNode awaitInstance(TestClient client, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonNode instance = client.get("/console/api/instance").json();
        while (!condition.test(instance)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console's instance figures never got there: " + instance);
            }
            Thread.sleep(50);
            instance = client.get("/console/api/instance").json();
        }
        return instance;
    }

    @Test
    void withAServerCredentialThePageIsOpenAndItsFiguresAreNot() {
        MatchmakingServer server = start("MATCHMAKING_API_TOKEN", TOKEN, "MATCHMAKING_JWT_SECRET", TestTokens.SECRET);
        TestClient client = new TestClient(server.port());
        String[] player = TestClient.bearer(TestTokens.hs256("p1"));

        assertThat(client.get("/console").status()).isEqualTo(200);
        assertThat(client.get("/console/assets/console.js").status()).isEqualTo(200);
        for (String data : List.of("/console/api/queues", "/console/api/matches", "/console/api/instance")) {
            assertThat(client.get(data).status()).as(data + " without a credential").isEqualTo(401);
            assertThat(client.get(data, "Authorization", "Bearer wrong").status()).as(data + " with a wrong one").isEqualTo(401);
            TestResponse asPlayer = client.get(data, player);
            assertThat(asPlayer.status()).as(data + " with a player token").isEqualTo(403);
            assertThat(asPlayer.json().get("error").asText()).isEqualTo("only the server credential may read the console");
            TestResponse asServer = client.get(data, SERVER);
            assertThat(asServer.status()).as(data + " with the server credential").isEqualTo(200);
            assertThat(asServer.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    /** The page's files are open by path prefix: no spelling of a path may climb from there to the figures. */
    @Test
    void noPathClimbsFromTheOpenFilesToTheFigures() {
        MatchmakingServer server = start("MATCHMAKING_API_TOKEN", TOKEN);
        for (String sneaky : List.of("/console/assets/../api/queues", "/console/assets/%2e%2e/api/queues",
                "/console/assets/..%2fapi/queues", "/console/assets/%2E%2E%2Fapi%2Fqueues",
                "/console/assets/x/../../api/instance", "/console/./api/queues", "/console//api/matches",
                "/console/api/queues/", "/console/api/queues;x=1", "/console;/api/queues", "/CONSOLE/api/queues",
                "/console/assets/..\\api\\queues")) {
            try (RawConnection connection = RawConnection.to(server.port())) {
                TestResponse answer = connection.exchange("GET " + sneaky + " HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(answer.status()).as(sneaky).isIn(400, 401, 404);
                assertThat(answer.body()).as(sneaky).doesNotContain("queues\":", "per_minute", "held_long_polls");
            }
        }
    }

    @Test
    void withAnAdminPortTheConsoleLivesThereStillBehindTheCredential() {
        MatchmakingServer server = start("MATCHMAKING_ADMIN_PORT", "0", "MATCHMAKING_API_TOKEN", TOKEN);
        TestClient api = new TestClient(server.port());
        TestClient admin = new TestClient(server.adminPort().orElseThrow());

        assertThat(admin.get("/console").status()).isEqualTo(200);
        assertThat(admin.get("/console/api/queues").status()).isEqualTo(401);
        assertThat(admin.get("/console/api/queues", SERVER).status()).isEqualTo(200);
        assertThat(admin.get("/metrics").status()).as("metrics stay open").isEqualTo(200);
        assertThat(api.get("/console", SERVER).status()).as("not on the API port").isEqualTo(404);
        assertThat(api.get("/console/api/queues", SERVER).status()).isEqualTo(404);
    }

    @Test
    void withPlayerTokensAndNoServerCredentialTheRefusalSaysWhereTheConsoleIs() {
        MatchmakingServer server = start("MATCHMAKING_JWT_SECRET", TestTokens.SECRET);
        TestClient client = new TestClient(server.port());

        for (String data : List.of("/console/api/queues", "/console/api/matches", "/console/api/instance")) {
            for (TestResponse refused : List.of(client.get(data), client.get(data, TestClient.bearer(TestTokens.hs256("p1"))))) {
                assertThat(refused.status()).as(data + ": no token can succeed here, so none is asked for").isEqualTo(403);
                assertThat(refused.json().get("error").asText()).contains("no server credential", "MATCHMAKING_ADMIN_PORT");
            }
        }
        assertThat(client.get("/console").status()).isEqualTo(200);
    }

    @Test
    void onAnAdminPortWithoutACredentialTheConsoleIsOpenLikeTheMetrics() {
        MatchmakingServer server = start("MATCHMAKING_ADMIN_PORT", "0");
        TestClient admin = new TestClient(server.adminPort().orElseThrow());

        assertThat(admin.get("/console/api/instance").status()).isEqualTo(200);
        assertThat(admin.get("/console/api/matches").status()).isEqualTo(200);
    }
}
