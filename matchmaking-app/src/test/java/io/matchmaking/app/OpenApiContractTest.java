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
import io.matchmaking.core.StoreUnavailableException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real answers of every endpoint and error code, validated against the served OpenAPI document
 * (docs/openapi.yaml) with a JSON Schema 2020-12 validator: the status must be documented for the
 * route, and the body must match its schema.
 */
class OpenApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final AtomicReference<ScriptedStore> store = new AtomicReference<>();
    private final MatchmakingServer server = TestServers.start(real -> {
        store.set(new ScriptedStore(real));
        return store.get();
    });
    private final TestClient client = new TestClient(server.port());
    private MatchmakingServer guarded;

    @AfterEach
    void stop() {
        server.stop();
        if (guarded != null) {
            guarded.stop();
        }
    }

    private JsonNode document() throws Exception {
        TestResponse served = client.get("/openapi.yaml");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/yaml");
        return YAML.readTree(served.body());
    }

    private void assertDocumented(JsonNode api, String method, String route, TestResponse response) {
        JsonNode operation = api.path("paths").path(route).path(method);
        assertThat(operation.isMissingNode()).as("%s %s is documented", method, route).isFalse();
        JsonNode answer = operation.path("responses").path(Integer.toString(response.status()));
        assertThat(answer.isMissingNode()).as("%s %s documents status %d", method, route, response.status()).isFalse();
        if (answer.has("$ref")) {
            answer = api.at(answer.get("$ref").asText().substring(1));
        }
        JsonNode json = answer.path("content").path("application/json").path("schema");
        if (json.isMissingNode()) {
            return;
        }
        ObjectNode schema = json.deepCopy();
        schema.set("components", api.get("components"));
        JsonSchema validator = SCHEMAS.getSchema(schema);
        Set<ValidationMessage> problems;
        try {
            problems = validator.validate(new ObjectMapper().readTree(response.body()));
        } catch (Exception notJson) {
            throw new AssertionError(method + " " + route + " " + response.status() + " answered no JSON: " + response.body());
        }
        assertThat(problems).as("%s %s %d: %s", method, route, response.status(), response.body()).isEmpty();
    }

    @Test
    void everyEndpointAndErrorCodeMatchesTheDocument() throws Exception {
        JsonNode api = document();
        String waiting = client.join("p1").json().get("match_id").asText();
        client.join("p2");

        assertDocumented(api, "post", "/join", client.join("p3"));
        assertDocumented(api, "post", "/join", client.join("p4"));
        assertDocumented(api, "post", "/join", client.post("/join", "{}"));
        assertDocumented(api, "post", "/join", client.post("/join", "{\"id\":\"" + "x".repeat(5000) + "\"}"));
        assertDocumented(api, "post", "/join", client.method("PUT", "/join", ""));
        assertDocumented(api, "get", "/status/{match_id}", client.get("/status/" + waiting));
        assertDocumented(api, "get", "/status/{match_id}", client.get("/status/" + waiting, "If-None-Match", "\"3\""));
        assertDocumented(api, "get", "/status/{match_id}", client.get("/status/" + waiting + "?wait=99"));
        assertDocumented(api, "get", "/status/{match_id}", client.get("/status/nope"));
        assertDocumented(api, "post", "/leave", client.post("/leave", "{\"id\":\"p4\"}"));
        assertDocumented(api, "post", "/leave", client.post("/leave", "{\"id\":\"p4\"}"));
        assertDocumented(api, "post", "/leave", client.post("/leave", "[]"));
        assertDocumented(api, "get", "/players/{player_id}", client.get("/players/p1"));
        assertDocumented(api, "get", "/players/{player_id}", client.get("/players/nobody"));
        assertDocumented(api, "get", "/queues", client.get("/queues"));
        assertDocumented(api, "get", "/health/live", client.get("/health/live"));
        assertDocumented(api, "get", "/health/ready", client.get("/health/ready"));
        assertDocumented(api, "get", "/metrics", client.get("/metrics"));

        store.get().available(false);
        store.get().beforeEachCall(() -> {
            throw new StoreUnavailableException("down");
        });
        assertDocumented(api, "get", "/health/ready", client.get("/health/ready"));
        assertDocumented(api, "post", "/join", client.join("p5"));
        assertDocumented(api, "get", "/status/{match_id}", client.get("/status/" + waiting));
        assertDocumented(api, "get", "/queues", client.get("/queues"));
        store.get().beforeEachCall(() -> {
            throw new IllegalStateException("bug");
        });
        assertDocumented(api, "post", "/join", client.join("p6"));
        assertDocumented(api, "get", "/players/{player_id}", client.get("/players/p1"));
        assertDocumented(api, "post", "/leave", client.post("/leave", "{\"id\":\"p1\"}"));

        guarded = TestServers.start("MATCHMAKING_API_TOKEN", "t0k3n");
        assertDocumented(api, "post", "/join", new TestClient(guarded.port()).join("p7"));
    }
}
