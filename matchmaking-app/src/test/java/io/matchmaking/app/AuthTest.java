package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With MATCHMAKING_API_TOKEN set, API calls need the bearer token; health and metrics stay open. */
class AuthTest {

    private static final String TOKEN = "s3cret-token";

    private MatchmakingServer server;

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void everyApiCallNeedsTheToken() {
        server = TestServers.start("MATCHMAKING_API_TOKEN", TOKEN);
        TestClient client = new TestClient(server.port());

        for (TestResponse refused : new TestResponse[] {
                client.join("p1"),
                client.post("/join", "{\"id\":\"p1\"}", "Authorization", "Bearer wrong-token"),
                client.post("/join", "{\"id\":\"p1\"}", "Authorization", "Basic " + TOKEN),
                client.post("/join", "{\"id\":\"p1\"}", "Authorization", "Bearer " + TOKEN + "x"),
                client.get("/queues"),
                client.get("/status/anything"),
                client.get("/no-such-route")}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("error").asText()).isIn("missing bearer token", "invalid bearer token");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(server.matchmaker().queues()).as("refused calls change nothing").isEmpty();

        TestResponse accepted = client.post("/join", "{\"id\":\"p1\"}", "Authorization", "Bearer " + TOKEN);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(client.get("/queues", "authorization", "bearer " + TOKEN).status()).isEqualTo(200);
    }

    @Test
    void healthAndMetricsStayOpen() {
        server = TestServers.start("MATCHMAKING_API_TOKEN", TOKEN);
        TestClient client = new TestClient(server.port());

        assertThat(client.get("/health/live").status()).isEqualTo(200);
        assertThat(client.get("/health/ready").status()).isEqualTo(200);
        assertThat(client.get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheApiIsOpen() {
        server = TestServers.start();
        assertThat(new TestClient(server.port()).join("p1").status()).isEqualTo(200);
    }

    @Test
    void anAdminPortServesHealthAndMetricsAndTheApiPortDoesNot() {
        server = TestServers.start("MATCHMAKING_ADMIN_PORT", "0", "MATCHMAKING_API_TOKEN", TOKEN);
        assertThat(server.adminPort()).isPresent();
        TestClient api = new TestClient(server.port());
        TestClient admin = new TestClient(server.adminPort().getAsInt());

        assertThat(admin.get("/health/live").status()).isEqualTo(200);
        assertThat(admin.get("/health/ready").status()).isEqualTo(200);
        assertThat(admin.get("/metrics").body()).contains("matchmaking_joins_total");
        assertThat(admin.get("/join", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(404);
        assertThat(admin.get("/join").status()).as("only health, metrics and the console page are open").isEqualTo(401);
        assertThat(api.get("/metrics", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(404);
        assertThat(api.get("/metrics").status()).as("the API port guards everything").isEqualTo(401);
    }
}
