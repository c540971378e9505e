package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.matchmaking.http.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API.md "Parties" over HTTP, against a real server on a random port with matches of four. */
class PartiesHttpTest {

    private static final String SERVER_TOKEN = "backend-credential-0123456789";

    private MatchmakingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private TestClient start(String... more) {
        List<String> env = new ArrayList<>(List.of("MATCHMAKING_MATCH_SIZE", "4"));
        env.addAll(List.of(more));
        server = TestServers.start(env.toArray(String[]::new));
        return new TestClient(server.port());
    }

    private TestClient withTokens() {
        return start("MATCHMAKING_JWT_SECRET", TestTokens.SECRET, "MATCHMAKING_JWT_ISSUER", TestTokens.ISSUER,
                "MATCHMAKING_JWT_AUDIENCE", TestTokens.AUDIENCE, "MATCHMAKING_API_TOKEN", SERVER_TOKEN);
    }

    private static List<String> players(JsonNode match) {
        List<String> players = new ArrayList<>();
        match.get("players").forEach(player -> players.add(player.asText()));
        return players;
    }

    @Test
    void aPartyIsPlacedTogetherAndEveryMemberIsAnsweredTheSameMatchInTheSeedsShape() {
        TestClient client = start();
        JsonNode solo = client.join("s1").json();

        TestResponse joined = client.post("/join", "{\"id\":\"p1\",\"party\":[\"p2\",\"p3\"]}");

        assertThat(joined.status()).isEqualTo(200);
        JsonNode match = joined.json();
        assertThat(match.get("match_id").asText()).isEqualTo(solo.get("match_id").asText());
        assertThat(players(match)).containsExactly("s1", "p1", "p2", "p3");
        assertThat(match.get("status").asText()).isEqualTo("ready");
        List<String> fields = new ArrayList<>();
        match.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("the seed's /join body of a ready match, nothing more")
                .containsExactly("match_id", "status", "players", "updated_at", "ready_at");
        for (String member : List.of("p1", "p2", "p3")) {
            TestResponse where = client.get("/players/" + member);
            assertThat(where.status()).isEqualTo(200);
            assertThat(where.json().get("match_id").asText()).isEqualTo(match.get("match_id").asText());
        }
    }

    @Test
    void aPartyWithAWaitingMemberIsA409ThatChangesNothingAndTheSamePartyAgainIsItsMatch() {
        TestClient client = start();
        String placed = client.post("/join", "{\"id\":\"p1\",\"party\":[\"p2\"]}").json().get("match_id").asText();
        client.join("w1");

        TestResponse clash = client.post("/join", "{\"id\":\"p9\",\"party\":[\"w1\",\"p8\"]}");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body()).isEqualTo("{\"error\":\"party member already waiting\"}");
        assertThat(client.get("/players/p9").status()).as("nothing changed").isEqualTo(404);
        assertThat(client.get("/players/p8").status()).isEqualTo(404);
        assertThat(client.post("/join", "{\"id\":\"p2\"}").status()).as("a member alone").isEqualTo(409);

        TestResponse again = client.post("/join", "{\"id\":\"p1\",\"party\":[\"p2\"]}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("match_id").asText()).isEqualTo(placed);
        assertThat(players(again.json())).containsExactly("p1", "p2", "w1");
    }

    @Test
    void aMembersLeaveRemovesTheWholePartyAndTheOthersSeeItInTheirStatus() {
        TestClient client = start();
        client.join("s1");
        String match = client.post("/join", "{\"id\":\"p1\",\"party\":[\"p2\"]}").json().get("match_id").asText();

        TestResponse left = client.post("/leave", "{\"id\":\"p2\"}");

        assertThat(left.status()).isEqualTo(200);
        assertThat(players(client.get("/status/" + match).json())).containsExactly("s1");
        assertThat(client.post("/leave", "{\"id\":\"p1\"}").body()).as("the submitter left with the party")
                .isEqualTo("{\"error\":\"player not waiting\"}");
        assertThat(client.get("/players/p1").status()).isEqualTo(404);
    }

    @Test
    void aWaitingPlayersPlaceSaysHowManySeatsAreLeftAndTheExpectedWaitOnceThereIsData() {
        TestClient client = start("MATCHMAKING_API_TOKEN", SERVER_TOKEN);
        String[] backend = TestClient.bearer(SERVER_TOKEN);
        client.post("/join", "{\"id\":\"p1\",\"party\":[\"p2\"]}", backend);

        JsonNode place = client.get("/players/p2", backend).json();
        assertThat(place.get("seats_left").asInt()).isEqualTo(2);
        assertThat(place.has("expected_wait_seconds")).isTrue();
        assertThat(place.get("expected_wait_seconds").isNull()).as("no sweep has measured the queue yet").isTrue();
        JsonNode queue = client.get("/queues", backend).json().get("queues").get(0);
        assertThat(queue.get("expected_wait_seconds").isNull()).isTrue();

        client.post("/join", "{\"id\":\"p3\",\"party\":[\"p4\"]}", backend);
        JsonNode ready = client.get("/players/p2", backend).json();
        assertThat(ready.has("seats_left")).as("a ready match in the seed's shape").isFalse();
        assertThat(ready.has("expected_wait_seconds")).isFalse();
    }

    @Test
    void aBadPartyIsA400ThatChangesNothing() {
        TestClient client = start();
        for (String body : List.of("{\"id\":\"p1\",\"party\":\"p2\"}", "{\"id\":\"p1\",\"party\":[1]}",
                "{\"id\":\"p1\",\"party\":[\"no spaces\"]}", "{\"id\":\"p1\",\"party\":[\"p2\",\"p3\",\"p4\",\"p5\"]}")) {
            TestResponse refused = client.post("/join", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).as(body).contains("party");
        }
        assertThat(client.get("/players/p1").status()).isEqualTo(404);
        assertThat(client.post("/join", "{\"id\":\"p1\",\"party\":[]}").status()).as("a party of one is a solo join")
                .isEqualTo(200);
    }

    @Test
    void aPlayerTokenSubmitsOnlyAPartyItsSignedClaimListsWhileTheServerCredentialSubmitsAny() {
        TestClient client = withTokens();
        String pair = TestTokens.hs256("p1", claims -> claims.claim("party", List.of("p1", "p2")));

        TestResponse tooMany = client.post("/join", "{\"party\":[\"p2\",\"p3\"]}", TestClient.bearer(pair));
        assertThat(tooMany.status()).isEqualTo(403);
        assertThat(client.get("/players/p1", TestClient.bearer(pair)).status()).as("nothing changed").isEqualTo(404);
        String unsignedParty = TestTokens.hs256("p3");
        assertThat(client.post("/join", "{\"party\":[\"p4\"]}", TestClient.bearer(unsignedParty)).status())
                .as("a token without a party claim").isEqualTo(403);

        TestResponse listed = client.post("/join", "{\"party\":[\"p2\"]}", TestClient.bearer(pair));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(players(listed.json())).containsExactly("p1", "p2");
        String member = TestTokens.hs256("p2");
        assertThat(client.get("/players/p2", TestClient.bearer(member)).json().get("match_id").asText())
                .isEqualTo(listed.json().get("match_id").asText());

        TestResponse backend = client.post("/join", "{\"id\":\"b1\",\"party\":[\"b2\"]}", TestClient.bearer(SERVER_TOKEN));
        assertThat(backend.status()).isEqualTo(200);
        assertThat(players(backend.json())).containsExactly("p1", "p2", "b1", "b2");
    }
}
