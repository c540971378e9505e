package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.http.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API.md "Limits": queues a join may name, and requests per second per player and per address. */
class LimitsTest {

    private MatchmakingServer server;

    @AfterEach
    void stop() {
        server.stop();
    }

    private TestClient start(String... env) {
        server = TestServers.start(env);
        return new TestClient(server.port());
    }

    @Test
    void anAllowListRefusesEveryOtherQueueWith400() {
        TestClient client = start("MATCHMAKING_QUEUES", "ranked, casual");
        assertThat(client.post("/join", "{\"id\":\"p1\",\"queue\":\"ranked\"}").status()).isEqualTo(200);
        assertThat(client.post("/join", "{\"id\":\"p2\",\"queue\":\"casual\"}").status()).isEqualTo(200);
        TestResponse other = client.post("/join", "{\"id\":\"p3\",\"queue\":\"mine\"}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).isEqualTo("{\"error\":\"queue mine is not one of this server's queues\"}");
        assertThat(client.join("p4").status()).as("default is a queue like the others").isEqualTo(400);
        assertThat(server.matchmaker().queues()).hasSize(2);
    }

    @Test
    void aFloodOfQueueNamesIsBoundedByTheCap() {
        TestClient client = start("MATCHMAKING_MAX_QUEUES", "5", "MATCHMAKING_ADDRESS_RATE_LIMIT", "0");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestResponse answer = client.post("/join", "{\"id\":\"flood-" + i + "\",\"queue\":\"q" + i + "\"}");
            statuses.add(answer.status());
            if (answer.status() == 429) {
                assertThat(answer.header("Retry-After")).isEqualTo("1");
                assertThat(answer.json().get("error").asText()).startsWith("too many queues have waiting players");
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 50)).containsOnly(429);
        assertThat(server.matchmaker().queues()).hasSize(5);
        assertThat(client.post("/join", "{\"id\":\"more\",\"queue\":\"q1\"}").status()).as("an open queue still takes joins").isEqualTo(200);

        // q1 fills (3 players) and is no longer open: a new queue may open once a sweep has seen it
        client.post("/join", "{\"id\":\"third\",\"queue\":\"q1\"}");
        server.matchmaker().sweep();
        assertThat(client.post("/join", "{\"id\":\"late\",\"queue\":\"new-one\"}").status()).isEqualTo(200);
        assertThat(server.matchmaker().queues()).hasSize(5);
    }

    @Test
    void aFloodingPlayerIs429WhileOtherPlayersAreServed() {
        TestClient client = start("MATCHMAKING_JWT_SECRET", TestTokens.SECRET, "MATCHMAKING_PLAYER_RATE_LIMIT", "5",
                "MATCHMAKING_ADDRESS_RATE_LIMIT", "0");
        String greedy = TestTokens.hs256("greedy");
        int served = 0;
        TestResponse refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            TestResponse answer = client.get("/players/greedy", TestClient.bearer(greedy));
            if (answer.status() == 429) {
                refused = answer;
            } else {
                served++;
            }
        }
        assertThat(refused).as("refused within 40 requests").isNotNull();
        assertThat(served).as("a burst of twice the rate is served").isBetween(10, 14);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.body()).isEqualTo("{\"error\":\"too many requests for this player, retry later\"}");

        assertThat(client.post("/join", "{}", TestClient.bearer(TestTokens.hs256("polite"))).status()).isEqualTo(200);
        assertThat(client.post("/join", "{}", TestClient.bearer(greedy)).status()).isEqualTo(429);
    }

    @Test
    void anAddressOverItsRateIs429AndTheServerCredentialIsNotLimited() {
        TestClient client = start("MATCHMAKING_ADDRESS_RATE_LIMIT", "5", "MATCHMAKING_API_TOKEN", "backend-credential",
                "MATCHMAKING_JWT_SECRET", TestTokens.SECRET);
        int served = 0;
        for (int i = 0; i < 30; i++) {
            if (client.get("/players/p" + i, TestClient.bearer(TestTokens.hs256("p" + i))).status() != 429) {
                served++;
            }
        }
        assertThat(served).as("one address, many players: the address limit").isBetween(10, 14);
        for (int i = 0; i < 30; i++) {
            assertThat(client.get("/queues", TestClient.bearer("backend-credential")).status()).isEqualTo(200);
        }
        assertThat(client.get("/health/ready").status()).as("health is never limited").isEqualTo(200);
    }

    @Test
    void theForwardedAddressCountsOnlyFromATrustedProxy() {
        TestClient direct = start("MATCHMAKING_ADDRESS_RATE_LIMIT", "2");
        int served = 0;
        for (int i = 0; i < 20; i++) {
            if (direct.join("p" + i, "X-Forwarded-For", "203.0.113." + i).status() == 200) {
                served++;
            }
        }
        assertThat(served).as("an untrusted peer's header is ignored: one address").isBetween(4, 6);
        server.stop();

        TestClient proxied = start("MATCHMAKING_ADDRESS_RATE_LIMIT", "2", "MATCHMAKING_TRUSTED_PROXIES", "127.0.0.0/8, ::1");
        for (int i = 0; i < 20; i++) {
            assertThat(proxied.join("q" + i, "X-Forwarded-For", "203.0.113." + i).status()).as("each its own address").isEqualTo(200);
        }
        int fromOne = 0;
        for (int i = 0; i < 20; i++) {
            // a client that prepends a forged address is still the address the proxy heard from
            if (proxied.join("r" + i, "X-Forwarded-For", "198.51.100." + i + ", 203.0.113.99").status() == 200) {
                fromOne++;
            }
        }
        assertThat(fromOne).isBetween(4, 6);
    }
}
