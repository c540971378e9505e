package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.matchmaking.core.ConflictingUpdateException;
import io.matchmaking.core.OutcomeUnknownException;
import io.matchmaking.core.StoreUnavailableException;
import io.matchmaking.http.TestTokens;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real answers of every endpoint, validated against the served OpenAPI document (docs/openapi.yaml)
 * with a JSON Schema 2020-12 validator: the status must be documented for the operation, its
 * required headers present and well-formed, its body valid. And the other way round: every answer
 * the document lists is one the server gives, so the document promises nothing that cannot happen.
 */
@Timeout(60)
class OpenApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final List<String> PUBLIC_GETS = List.of("/health/live", "/health/ready", "/metrics", "/console",
            "/console/assets/console.js");
    private static final List<String> CONSOLE_DATA = List.of("/console/api/queues", "/console/api/matches", "/console/api/instance");

    private final ScriptedServer scripted = ScriptedServer.start("MATCHMAKING_SHUTDOWN_TIMEOUT", "20",
            "MATCHMAKING_READ_TIMEOUT", "1");
    private final MatchmakingServer server = scripted.server;
    private final TestClient client = scripted.client;
    private final Set<String> given = new TreeSet<>();
    private MatchmakingServer guarded;
    private JsonNode api;

    @AfterEach
    void stop() {
        scripted.close();
        if (guarded != null) {
            guarded.stop();
        }
    }

    /** The operations of the document as "method path" with a concrete path for each template. */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("post /join", "/join"),
            Map.entry("get /status/{match_id}", "/status/x"),
            Map.entry("post /leave", "/leave"),
            Map.entry("get /players/{player_id}", "/players/x"),
            Map.entry("get /queues", "/queues"),
            Map.entry("get /health/live", "/health/live"),
            Map.entry("get /health/ready", "/health/ready"),
            Map.entry("get /metrics", "/metrics"),
            Map.entry("get /openapi.yaml", "/openapi.yaml"),
            Map.entry("get /console", "/console"),
            Map.entry("get /console/assets/{file}", "/console/assets/console.js"),
            Map.entry("get /console/api/queues", "/console/api/queues"),
            Map.entry("get /console/api/matches", "/console/api/matches"),
            Map.entry("get /console/api/instance", "/console/api/instance"));

    @Test
    void everyAnswerIsDocumentedAndEveryDocumentedAnswerIsGiven() throws Exception {
        api = document();
        answersOfAWorkingServer();
        answersOfAFailingStore();
        answersJettyGivesOnEveryPath();
        answersToSlowBodies();
        answersWithoutTheToken();
        answersOverTheLimits();
        answersWhileDraining();

        assertThat(given).as("answers given").isEqualTo(documented());
    }

    private void answersOfAWorkingServer() {
        String waiting = client.join("p1").json().get("match_id").asText();
        client.join("p2");
        check("post /join", client.join("p3"));
        check("post /join", client.join("p4"));
        check("post /join", client.post("/join", "{}"));
        check("post /join", client.post("/join", "{\"id\":\"" + "x".repeat(5000) + "\"}"));
        check("get /status/{match_id}", client.get("/status/" + waiting));
        check("get /status/{match_id}", client.get("/status/" + waiting, "If-None-Match", "\"3\""));
        check("get /status/{match_id}", client.get("/status/" + waiting + "?wait=99"));
        check("get /status/{match_id}", client.get("/status/nope"));
        check("post /leave", client.post("/leave", "{\"id\":\"p4\"}"));
        check("post /leave", client.post("/leave", "{\"id\":\"p4\"}"));
        check("post /leave", client.post("/leave", "[]"));
        check("post /leave", client.post("/leave", "{\"id\":\"" + "x".repeat(5000) + "\"}"));
        check("get /players/{player_id}", client.get("/players/p1"));
        check("get /players/{player_id}", client.get("/players/nobody"));
        check("post /join", client.post("/join", "{\"id\":\"w1\",\"party\":[\"w2\"]}"));
        check("post /join", client.post("/join", "{\"id\":\"w3\",\"party\":[\"w2\"]}"));
        check("post /join", client.post("/join", "{\"id\":\"w3\",\"party\":[\"a1\",\"a2\",\"a3\"]}"));
        check("post /join", client.post("/join", "{\"id\":\"w3\",\"party\":\"w4\"}"));
        check("get /players/{player_id}", client.get("/players/w2"));
        check("get /queues", client.get("/queues"));
        check("post /leave", client.post("/leave", "{\"id\":\"w2\"}"));
        check("post /join", client.post("/join", "{\"id\":\"k1\"}", "Idempotency-Key", "key-1"));
        check("post /join", client.post("/join", "{\"id\":\"k1\",\"queue\":\"q\"}", "Idempotency-Key", "key-1"));
        check("post /join", client.post("/join", "{\"id\":\"k1\"}", "Idempotency-Key", "bad key"));
        check("post /leave", client.post("/leave", "{\"id\":\"k1\"}", "Idempotency-Key", "key-1"));
        check("get /queues", client.get("/queues"));
        check("get /health/live", client.get("/health/live"));
        check("get /health/ready", client.get("/health/ready"));
        check("get /metrics", client.get("/metrics"));
        check("get /openapi.yaml", client.get("/openapi.yaml"));
        check("get /console", client.get("/console"));
        check("get /console", client.get("/console/"));
        check("get /console/assets/{file}", client.get("/console/assets/uPlot.iife.min.js"));
        check("get /console/assets/{file}", client.get("/console/assets/console.css"));
        check("get /console/assets/{file}", client.get("/console/assets/nothing.js"));
        server.matchmaker().sweep();
        for (String data : CONSOLE_DATA) {
            check("get " + data, client.get(data));
        }
    }

    private void answersOfAFailingStore() {
        ScriptedStore store = scripted.store;
        store.beforeEachCall(() -> {
            throw new ConflictingUpdateException("moving");
        });
        check("post /join", client.join("p5"));
        check("post /leave", client.post("/leave", "{\"id\":\"p1\"}"));

        store.beforeEachCall(() -> {
            throw new OutcomeUnknownException("a unit", new EOFException("the COMMIT's answer was lost"));
        });
        check("post /join", client.join("p5"));
        check("post /leave", client.post("/leave", "{\"id\":\"p1\"}"));

        store.beforeEachCall(() -> {
            throw new IllegalStateException("bug");
        });
        check("post /join", client.join("p6"));
        check("post /leave", client.post("/leave", "{\"id\":\"p1\"}"));
        check("get /status/{match_id}", client.get("/status/x"));
        check("get /players/{player_id}", client.get("/players/p1"));
        check("get /queues", client.get("/queues"));

        store.available(false);
        store.beforeEachCall(() -> {
            throw new StoreUnavailableException("down");
        });
        check("post /join", client.join("p7"));
        check("post /leave", client.post("/leave", "{\"id\":\"p1\"}"));
        check("get /status/{match_id}", client.get("/status/x"));
        check("get /players/{player_id}", client.get("/players/p1"));
        check("get /queues", client.get("/queues"));
        check("get /health/ready", client.get("/health/ready"));
        check("get /console/api/instance", client.get("/console/api/instance"));
        store.available(true);
        store.beforeEachCall(() -> { });
    }

    /** A malformed header, a URI over 8 KiB and headers over 8 KiB, on every documented path. */
    private void answersJettyGivesOnEveryPath() {
        OPERATIONS.forEach((operation, path) -> {
            String method = operation.substring(0, operation.indexOf(' ')).toUpperCase(Locale.ROOT);
            check(operation, raw(method + " " + path + " HTTP/1.1\r\nHost: x\r\nNo colon in this header\r\n\r\n"));
            check(operation, raw(method + " " + path + "?q=" + "q".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
            check(operation, raw(method + " " + path + " HTTP/1.1\r\nHost: x\r\nX-Filler: " + "f".repeat(9000) + "\r\n\r\n"));
        });
    }

    /** An address over its rate on every limited operation, and a join that would open one queue too many. */
    private void answersOverTheLimits() {
        MatchmakingServer limited = TestServers.start("MATCHMAKING_ADDRESS_RATE_LIMIT", "1");
        try {
            TestClient greedy = new TestClient(limited.port());
            OPERATIONS.forEach((operation, path) -> {
                if (PUBLIC_GETS.contains(path)) {
                    return;
                }
                String method = operation.substring(0, operation.indexOf(' ')).toUpperCase(Locale.ROOT);
                TestResponse answer;
                do {
                    answer = greedy.method(method, path, method.equals("POST") ? "{\"id\":\"greedy\"}" : "");
                } while (answer.status() != 429);
                check(operation, answer);
            });
        } finally {
            limited.stop();
        }
        MatchmakingServer capped = TestServers.start("MATCHMAKING_MAX_QUEUES", "1");
        try {
            TestClient client = new TestClient(capped.port());
            client.join("first");
            check("post /join", client.post("/join", "{\"id\":\"second\",\"queue\":\"another\"}"));
        } finally {
            capped.stop();
        }
    }

    /**
     * Bodies that never arrive: 408 after the read timeout; chunked bodies past 4 KiB: 413. Any
     * method's body is gathered before routing, so GET routes give both too.
     */
    private void answersToSlowBodies() {
        String tooLarge = "x".repeat(4096 + 1);
        Map<String, CompletableFuture<TestResponse>> stalled = new java.util.TreeMap<>();
        OPERATIONS.forEach((operation, path) -> {
            String method = operation.substring(0, operation.indexOf(' ')).toUpperCase(java.util.Locale.ROOT);
            // the read timeout is 1 s: the stalled bodies wait it out side by side
            stalled.put(operation, CompletableFuture.supplyAsync(
                    () -> raw(method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{")));
            if (method.equals("GET")) {
                check(operation, raw(method + " " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(tooLarge.length()) + "\r\n" + tooLarge + "\r\n0\r\n\r\n"));
            }
        });
        stalled.forEach((operation, answer) -> check(operation, answer.join()));
    }

    private TestResponse raw(String request) {
        try (RawConnection connection = RawConnection.to(server.port())) {
            return connection.exchange(request);
        }
    }

    private void answersWithoutTheToken() {
        guarded = TestServers.start("MATCHMAKING_API_TOKEN", "t0k3n", "MATCHMAKING_JWT_SECRET", TestTokens.SECRET);
        TestClient anonymous = new TestClient(guarded.port());
        String[] player = TestClient.bearer(TestTokens.hs256("p9"));
        check("post /join", anonymous.post("/join", "{\"id\":\"p8\"}", player));
        check("post /leave", anonymous.post("/leave", "{\"id\":\"p8\"}", player));
        check("get /players/{player_id}", anonymous.get("/players/p8", player));
        check("get /queues", anonymous.get("/queues", player));
        check("get /status/{match_id}", anonymous.get("/status/x", player));
        check("post /join", anonymous.join("p8"));
        check("post /leave", anonymous.post("/leave", "{\"id\":\"p8\"}"));
        check("get /status/{match_id}", anonymous.get("/status/x"));
        check("get /players/{player_id}", anonymous.get("/players/p8"));
        check("get /queues", anonymous.get("/queues"));
        check("get /openapi.yaml", anonymous.get("/openapi.yaml"));
        for (String data : CONSOLE_DATA) {
            check("get " + data, anonymous.get(data));
            check("get " + data, anonymous.get(data, player));
        }
        for (String open : PUBLIC_GETS) {
            assertThat(anonymous.get(open).status()).as(open + " stays open").isIn(200, 503);
        }
    }

    /**
     * A request on a connection kept alive from before the stop, while a join holds the drain open:
     * Jetty's graceful handler refuses it with 503 on every path.
     */
    private void answersWhileDraining() throws Exception {
        ScriptedServer.Gate gate = scripted.holdUnits();
        List<RawConnection> kept = new ArrayList<>();
        for (int i = 0; i < OPERATIONS.size(); i++) {
            RawConnection connection = RawConnection.to(server.port());
            assertThat(connection.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").response()).startsWith("HTTP/1.1 200");
            kept.add(connection);
        }
        CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() -> client.join("slow"));
        assertThat(gate.awaitEntered()).isTrue();
        int port = server.port(); // read before the stop: a closed connector reports no port
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        try {
            TestServers.awaitRefused(port);
            Iterator<RawConnection> connections = kept.iterator();
            OPERATIONS.forEach((operation, path) -> {
                String method = operation.substring(0, operation.indexOf(' ')).toUpperCase(Locale.ROOT);
                String body = method.equals("POST") ? "{\"id\":\"late\"}" : "";
                TestResponse refused = connections.next().exchange(method + " " + path + " HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
                assertThat(refused.status()).as(operation).isEqualTo(503);
                check(operation, refused);
            });
        } finally {
            gate.open();
            kept.forEach(RawConnection::close);
        }
        assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        stopping.get(10, TimeUnit.SECONDS);
    }

    private JsonNode document() throws Exception {
        TestResponse served = client.get("/openapi.yaml");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/yaml");
        return YAML.readTree(served.body());
    }

    private Set<String> documented() {
        Set<String> answers = new TreeSet<>();
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").fieldNames().forEachRemaining(status ->
                        answers.add(operation.getKey() + " " + path.getKey() + " " + status))));
        return answers;
    }

    private JsonNode resolved(JsonNode node) {
        return node.has("$ref") ? api.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** {@code response} to {@code operation} ("get /queues") is documented: status, required headers, body. */
    private void check(String operation, TestResponse response) {
        String method = operation.substring(0, operation.indexOf(' '));
        String route = operation.substring(operation.indexOf(' ') + 1);
        String what = operation + " " + response.status();
        JsonNode documentedOperation = api.path("paths").path(route).path(method);
        assertThat(documentedOperation.isMissingNode()).as("%s is documented", operation).isFalse();
        JsonNode answer = documentedOperation.path("responses").path(Integer.toString(response.status()));
        assertThat(answer.isMissingNode()).as("%s is documented: %s", what, response.body()).isFalse();
        answer = resolved(answer);
        answer.path("headers").properties().forEach(header -> {
            JsonNode spec = resolved(header.getValue());
            String value = response.header(header.getKey());
            if (spec.path("required").asBoolean()) {
                assertThat(value).as("%s carries %s", what, header.getKey()).isNotNull();
            }
            if (value != null) {
                assertValid(what + " header " + header.getKey(), spec.path("schema"), headerValue(spec.path("schema"), value));
            }
        });
        JsonNode json = answer.path("content").path("application/json").path("schema");
        if (!json.isMissingNode()) {
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (Exception notJson) {
                throw new AssertionError(what + " answered no JSON: " + response.body());
            }
            assertValid(what, json, body);
        }
        given.add(what);
    }

    private static JsonNode headerValue(JsonNode schema, String value) {
        return "integer".equals(schema.path("type").asText()) && value.matches("\\d+")
                ? JSON.getNodeFactory().numberNode(Long.parseLong(value))
                : JSON.getNodeFactory().textNode(value);
    }

    private void assertValid(String what, JsonNode schemaNode, JsonNode value) {
        ObjectNode schema = schemaNode.deepCopy();
        schema.set("components", api.get("components"));
        JsonSchema validator = SCHEMAS.getSchema(schema);
        Set<ValidationMessage> problems = validator.validate(value);
        assertThat(problems).as("%s: %s", what, value).isEmpty();
    }
}
