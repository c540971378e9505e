package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.matchmaking.core.testkit.Concurrently;
import io.matchmaking.store.mysql.MySqlTestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MATCHMAKING_STORE=mysql end to end: the same API, on the database, shared by two servers. */
class MySqlServerTest {

    private static MySqlTestDatabase database;
    private MatchmakingServer first;
    private MatchmakingServer second;

    @BeforeAll
    static void createDatabase() {
        database = MySqlTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void stop() {
        for (MatchmakingServer server : new MatchmakingServer[] {first, second}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    private MatchmakingServer start() {
        String user = database.settings(1).user();
        String password = database.settings(1).password();
        return TestServers.start("MATCHMAKING_STORE", "mysql", "MATCHMAKING_MYSQL_URL", database.url(),
                "MATCHMAKING_MYSQL_USER", user == null ? "" : user,
                "MATCHMAKING_MYSQL_PASSWORD", password == null ? "" : password,
                "MATCHMAKING_MYSQL_POOL_SIZE", "4");
    }

    @Test
    void twoServersOnOneDatabaseFillTheSameMatch() {
        first = start();
        second = start();
        TestClient a = new TestClient(first.port());
        TestClient b = new TestClient(second.port());

        String id = a.join("mysql-p1").json().get("match_id").asText();
        assertThat(b.join("mysql-p2").json().get("match_id").asText()).isEqualTo(id);
        JsonNode ready = a.join("mysql-p3").json();

        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(b.get("/status/" + id).json()).isEqualTo(ready);
        assertThat(b.get("/players/mysql-p1").json()).isEqualTo(ready);
        assertThat(b.post("/join", "{\"id\":\"mysql-p1\"}").json().get("match_id").asText()).isNotEqualTo(id);
        assertThat(a.post("/leave", "{\"id\":\"mysql-p1\"}").status()).isEqualTo(200);
    }

    /** The console: queues are the fleet's (from the store, by the sweep); matches are the instance's own. */
    @Test
    void eachConsoleShowsEveryInstancesQueuesAndTheMatchesItFormedItself() {
        first = start();
        second = start();
        TestClient a = new TestClient(first.port());
        TestClient b = new TestClient(second.port());
        // a queue of its own: the class's tests share a database, and players of others wait in the default one
        for (String player : List.of("console-p1", "console-p2", "console-p3")) {
            assertThat(a.post("/join", "{\"id\":\"" + player + "\",\"queue\":\"console\"}").status()).isEqualTo(200);
        }
        b.post("/join", "{\"id\":\"console-q1\",\"queue\":\"ranked\"}");

        first.matchmaker().sweep();
        second.matchmaker().sweep();

        for (TestClient console : List.of(a, b)) {
            JsonNode queues = console.get("/console/api/queues").json().get("queues");
            JsonNode ranked = StreamSupport.stream(queues.spliterator(), false)
                    .filter(queue -> queue.get("queue").asText().equals("ranked")).findFirst().orElseThrow();
            assertThat(ranked.get("players_waiting").asInt()).as("every instance's waiting players").isEqualTo(1);
        }
        assertThat(a.get("/console/api/matches").json().get("last_hour").asLong()).isEqualTo(1);
        assertThat(a.get("/console/api/matches").json().get("latest").get(0).get("players"))
                .extracting(JsonNode::asText).containsExactly("console-p1", "console-p2", "console-p3");
        assertThat(b.get("/console/api/matches").json().get("last_hour").asLong()).as("formed by the other").isZero();
        assertThat(b.get("/console/api/instance").json().get("store_reachable").asBoolean()).isTrue();
    }

    @Test
    void aJoinRepeatedWithItsKeyOnTheOtherInstanceAnswersTheFirstJoinsMatch() {
        first = start();
        second = start();
        TestClient a = new TestClient(first.port());
        TestClient b = new TestClient(second.port());
        String id = a.post("/join", "{\"id\":\"key-p1\"}", "Idempotency-Key", "once").json().get("match_id").asText();
        b.join("key-p2");
        b.join("key-p3");
        b.join("key-p4");

        TestResponse again = b.post("/join", "{\"id\":\"key-p1\"}", "Idempotency-Key", "once");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).as("the first join's match became ready since").isEqualTo("ready");
        assertThat(again.json()).isEqualTo(a.get("/status/" + id).json());
        assertThat(b.post("/join", "{\"id\":\"key-p1\",\"queue\":\"other\"}", "Idempotency-Key", "once").status())
                .isEqualTo(422);
    }

    /** Group commit answers each request after the commit that holds its join. */
    @Test
    void joinsFromManyConnectionsAtOnceFillWholeMatchesOfDistinctPlayers() throws Exception {
        first = start();
        TestClient client = new TestClient(first.port());

        List<List<TestResponse>> byThread = Concurrently.run(16, t -> {
            List<TestResponse> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(client.post("/join", "{\"id\":\"burst-" + t + "-" + i + "\",\"queue\":\"burst\"}"));
            }
            return answers;
        });

        Map<String, JsonNode> matches = new HashMap<>();
        byThread.stream().flatMap(List::stream).forEach(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            String id = answer.json().get("match_id").asText();
            matches.computeIfAbsent(id, key -> client.get("/status/" + key).json());
        });
        assertThat(matches.values()).hasSize(32)
                .allSatisfy(match -> assertThat(match.get("status").asText()).isEqualTo("ready"));
        assertThat(matches.values().stream().flatMap(match -> StreamSupport.stream(match.get("players").spliterator(), false))
                .map(JsonNode::asText)).hasSize(96).doesNotHaveDuplicates();
    }

    @Test
    void aChangeThroughAnotherInstanceReleasesAHeldRequestWithinHalfASecond() throws Exception {
        first = start();
        second = start();
        TestClient a = new TestClient(first.port());
        TestClient b = new TestClient(second.port());
        String id = a.post("/join", "{\"id\":\"watch-p1\",\"queue\":\"watch\"}").json().get("match_id").asText();
        CompletableFuture<Long> releasedAt = new CompletableFuture<>();
        CompletableFuture<TestResponse> held = a.getAsync("/status/" + id + "?wait=30", "If-None-Match", "\"1\"")
                .whenComplete((response, failure) -> releasedAt.complete(System.nanoTime()));
        Held.awaitHeld(first, 1);

        b.post("/join", "{\"id\":\"watch-p2\",\"queue\":\"watch\"}");
        long changedAt = System.nanoTime();

        TestResponse response = held.get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("players")).hasSize(2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(releasedAt.get() - changedAt)).isLessThan(500);
    }

    @Test
    void healthAndMetricsCoverTheDatabase() {
        first = start();
        TestClient client = new TestClient(first.port());
        client.join("mysql-metrics");

        assertThat(client.get("/health/ready").status()).isEqualTo(200);
        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("hikaricp_connections_active", "matchmaking_store_operations_seconds_count");
    }
}
