package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.matchmaking.webhooks.testkit.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks from a real server on a random port to a receiver in the test, which checks each
 * signature with the Standard Webhooks reference library as a game's backend would.
 */
class WebhooksHttpTest {

    private static final String SECRET = WebhookReceiver.SECRET;

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private MatchmakingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        receiver.close();
    }

    private TestClient start(String... more) {
        List<String> env = new ArrayList<>(List.of("MATCHMAKING_WEBHOOK_URL", receiver.url().toString(),
                "MATCHMAKING_WEBHOOK_SECRET", SECRET));
        env.addAll(List.of(more));
        server = TestServers.start(env.toArray(String[]::new));
        return new TestClient(server.port());
    }

    /** The body of the next request the receiver answered 2xx; null if none within {@code wait}. */
    private JsonNode nextDelivered(Duration wait) throws InterruptedException {
        WebhookReceiver.Arrival delivery = receiver.nextDelivery(wait);
        return delivery == null ? null : delivery.json();
    }

    @Test
    void aReadyMatchIsPostedSignedWithTheMatchAsStatusShowsIt() throws Exception {
        TestClient client = start();
        client.join("p1");
        client.join("p2");
        JsonNode ready = client.join("p3").json();

        JsonNode event = nextDelivered(Duration.ofSeconds(10));

        assertThat(receiver.forged()).isEmpty();
        assertThat(event).isNotNull();
        assertThat(event.get("type").asText()).isEqualTo("match.ready");
        assertThat(event.get("data")).isEqualTo(client.get("/status/" + ready.get("match_id").asText()).json());
        assertDocumented(client, event);
        assertThat(nextDelivered(Duration.ofMillis(300))).as("waiting joins send nothing by default").isNull();
        assertThat(client.get("/metrics").body()).contains("matchmaking_webhook_attempts_total{outcome=\"delivered\"} 1.0",
                "matchmaking_webhook_outbox_undelivered");
    }

    @Test
    void theEventsChosenAreSentAndPlayersEventsNameTheirPlayer() throws Exception {
        TestClient client = start("MATCHMAKING_WEBHOOK_EVENTS", "player.queued,player.left");
        client.join("q1");
        client.post("/leave", "{\"id\":\"q1\"}");

        JsonNode first = nextDelivered(Duration.ofSeconds(10));
        JsonNode second = nextDelivered(Duration.ofSeconds(10));
        assertDocumented(client, first);
        assertDocumented(client, second);

        assertThat(List.of(first, second)).extracting(node -> node.get("type").asText())
                .containsExactlyInAnyOrder("player.queued", "player.left");
        assertThat(List.of(first, second)).allSatisfy(node -> assertThat(node.get("data").get("player_id").asText()).isEqualTo("q1"));
    }

    @Test
    void aMatchUpdateMirrorsTheStatusOfTheWaitingMatchAfterEachChange() throws Exception {
        TestClient client = start("MATCHMAKING_WEBHOOK_EVENTS", "match.updated");
        String matchId = client.join("u1").json().get("match_id").asText();
        JsonNode joined = nextDelivered(Duration.ofSeconds(10));
        client.post("/leave", "{\"id\":\"u1\"}");
        JsonNode left = nextDelivered(Duration.ofSeconds(10));

        assertDocumented(client, joined);
        assertThat(joined.get("type").asText()).isEqualTo("match.updated");
        assertThat(joined.get("data").get("players")).extracting(JsonNode::asText).containsExactly("u1");
        assertThat(left.get("data")).as("the receiver's mirror ends where GET /status is")
                .isEqualTo(client.get("/status/" + matchId).json());
        assertThat(left.get("data").get("players")).isEmpty();
    }

    /** The body is valid against the served OpenAPI document's {@code WebhookEvent}, and its type is a documented webhook. */
    private static void assertDocumented(TestClient client, JsonNode event) throws Exception {
        JsonNode api = new ObjectMapper(new YAMLFactory()).readTree(client.get("/openapi.yaml").body());
        assertThat(api.path("webhooks").has(event.get("type").asText())).as("a documented webhook").isTrue();
        ObjectNode schema = api.path("components").path("schemas").path("WebhookEvent").deepCopy();
        schema.set("components", api.get("components"));
        Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema).validate(event);
        assertThat(problems).as("%s against the document", event).isEmpty();
    }

    @Test
    void aReceiverThatHoldsEveryRequestSlowsNoJoin() throws Exception {
        receiver.hold();
        TestClient client = start();

        for (int i = 0; i < 30; i++) {
            assertThat(client.join("h" + i).status()).isEqualTo(200);
        }

        assertThat(receiver.nextDelivery(Duration.ZERO)).as("nothing answered yet: the receiver holds them all").isNull();
        receiver.release();
        for (int i = 0; i < 10; i++) {
            assertThat(nextDelivered(Duration.ofSeconds(10))).as("ready match %d delivered once released", i + 1).isNotNull();
        }
    }

    @Test
    void webhookSettingsAreCheckedAtStartUp() {
        assertThatThrownBy(() -> TestServers.config("MATCHMAKING_WEBHOOK_URL", "http://127.0.0.1:1/hooks"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MATCHMAKING_WEBHOOK_SECRET is required");
        assertThatThrownBy(() -> TestServers.config("MATCHMAKING_WEBHOOK_URL", "ftp://x/", "MATCHMAKING_WEBHOOK_SECRET", SECRET))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> TestServers.config("MATCHMAKING_WEBHOOK_URL", "http://x/", "MATCHMAKING_WEBHOOK_SECRET", "s3cret"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("whsec_").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> TestServers.config("MATCHMAKING_WEBHOOK_URL", "http://x/", "MATCHMAKING_WEBHOOK_SECRET", SECRET,
                "MATCHMAKING_WEBHOOK_EVENTS", "match.exploded"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("match.ready");
        assertThatThrownBy(() -> TestServers.config("MATCHMAKING_WEBHOOK_SECRET", SECRET))
                .isInstanceOf(ConfigException.class).hasMessageContaining("need MATCHMAKING_WEBHOOK_URL");
    }
}
