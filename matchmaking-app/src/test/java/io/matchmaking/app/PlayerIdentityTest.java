package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.matchmaking.http.JwksServer;
import io.matchmaking.http.TestTokens;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API.md "Identity" over HTTP: a player token acts only as its own player, reads only its own
 * matches, and never reaches another player's; the server credential acts for anyone.
 */
class PlayerIdentityTest {

    private static final String SERVER_TOKEN = "backend-credential-0123456789";

    private final CapturedAccessLog log = CapturedAccessLog.captureAll();
    private MatchmakingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        log.close();
    }

    private TestClient hs256Server(String... more) {
        String[] env = {"MATCHMAKING_JWT_SECRET", TestTokens.SECRET, "MATCHMAKING_JWT_ISSUER", TestTokens.ISSUER,
                "MATCHMAKING_JWT_AUDIENCE", TestTokens.AUDIENCE};
        String[] all = new String[env.length + more.length];
        System.arraycopy(env, 0, all, 0, env.length);
        System.arraycopy(more, 0, all, env.length, more.length);
        server = TestServers.start(all);
        return new TestClient(server.port());
    }

    @Test
    void aPlayerTokenJoinsAndLeavesAsItsOwnPlayerOnly() {
        TestClient client = hs256Server();
        String alice = TestTokens.hs256("alice");

        TestResponse joined = client.post("/join", "{}", TestClient.bearer(alice));
        assertThat(joined.status()).as("the id may be left out").isEqualTo(200);
        assertThat(joined.json().get("players").get(0).asText()).isEqualTo("alice");
        assertThat(client.post("/join", "{\"id\":\"alice\"}", TestClient.bearer(alice)).status()).isEqualTo(200);

        TestResponse asBob = client.post("/join", "{\"id\":\"bob\"}", TestClient.bearer(alice));
        assertThat(asBob.status()).isEqualTo(403);
        assertThat(asBob.body()).isEqualTo("{\"error\":\"a player token acts only as its own player\"}");
        assertThat(client.post("/leave", "{\"id\":\"bob\"}", TestClient.bearer(alice)).status()).isEqualTo(403);
        assertThat(server.matchmaker().findPlayerMatch(io.matchmaking.core.match.PlayerId.of("bob"))).as("nothing changed for bob").isEmpty();

        assertThat(client.post("/leave", "{}", TestClient.bearer(alice)).status()).isEqualTo(200);
    }

    @Test
    void aVictimCannotBeMovedReadOrParkedByAnotherPlayer() {
        TestClient client = hs256Server("MATCHMAKING_API_TOKEN", SERVER_TOKEN);
        String victim = TestTokens.hs256("victim");
        String attacker = TestTokens.hs256("attacker");
        String victimsMatch = client.post("/join", "{}", TestClient.bearer(victim)).json().get("match_id").asText();

        assertThat(client.post("/leave", "{\"id\":\"victim\"}", TestClient.bearer(attacker)).status()).isEqualTo(403);
        assertThat(client.post("/join", "{\"id\":\"victim\",\"queue\":\"private-trap\"}", TestClient.bearer(attacker)).status()).isEqualTo(403);
        TestResponse where = client.get("/players/victim", TestClient.bearer(attacker));
        assertThat(where.status()).isEqualTo(403);
        assertThat(where.body()).doesNotContain(victimsMatch);

        TestResponse probe = client.get("/status/" + victimsMatch, TestClient.bearer(attacker));
        TestResponse missing = client.get("/status/no-such-match", TestClient.bearer(attacker));
        assertThat(probe.status()).as("another's match is as missing as no match").isEqualTo(404);
        assertThat(probe.body()).isEqualTo(missing.body());
        assertThat(client.get("/status/" + victimsMatch + "?wait=5", TestClient.bearer(attacker)).status()).isEqualTo(404);

        assertThat(client.get("/status/" + victimsMatch, TestClient.bearer(victim)).status()).isEqualTo(200);
        assertThat(client.get("/players/victim", TestClient.bearer(victim)).json().get("match_id").asText()).isEqualTo(victimsMatch);
        assertThat(client.get("/players/victim", TestClient.bearer(SERVER_TOKEN)).status()).isEqualTo(200);
        assertThat(client.get("/status/" + victimsMatch, TestClient.bearer(SERVER_TOKEN)).status()).isEqualTo(200);
    }

    @Test
    void onlyTheServerCredentialReadsQueuesAndActsForAnyone() {
        TestClient client = hs256Server("MATCHMAKING_API_TOKEN", SERVER_TOKEN);
        assertThat(client.get("/queues", TestClient.bearer(TestTokens.hs256("p1"))).status()).isEqualTo(403);
        assertThat(client.get("/queues", TestClient.bearer(SERVER_TOKEN)).status()).isEqualTo(200);
        assertThat(client.post("/join", "{\"id\":\"anyone\"}", TestClient.bearer(SERVER_TOKEN)).status()).isEqualTo(200);
        TestResponse noId = client.post("/join", "{}", TestClient.bearer(SERVER_TOKEN));
        assertThat(noId.status()).as("the server names the player").isEqualTo(400);
        assertThat(noId.body()).isEqualTo("{\"error\":\"id is required\"}");
        assertThat(client.get("/openapi.yaml", TestClient.bearer(TestTokens.hs256("p1"))).status()).isEqualTo(200);
    }

    @Test
    void everyBadTokenIsA401ThatChangesNothing() {
        TestClient client = hs256Server();
        List<String> bad = List.of(
                TestTokens.hs256("p1", c -> c.expirationTime(new java.util.Date(System.currentTimeMillis() - 120_000))),
                TestTokens.hs256("p1", c -> c.notBeforeTime(new java.util.Date(System.currentTimeMillis() + 120_000))),
                TestTokens.hs256("p1", c -> c.issuer("https://someone.else")),
                TestTokens.hs256("p1", c -> c.audience("another-service")),
                TestTokens.unsigned("p1"),
                TestTokens.signedBy(TestTokens.rsaKey("k"), "p1"),
                TestTokens.hs256("p1").substring(0, TestTokens.hs256("p1").length() - 3) + "AAA",
                "garbage");
        for (String token : bad) {
            TestResponse refused = client.post("/join", "{}", TestClient.bearer(token));
            assertThat(refused.status()).as(token).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(refused.json().get("error").asText()).startsWith("player token");
        }
        assertThat(client.post("/join", "{\"id\":\"p1\"}").status()).as("no credential").isEqualTo(401);
        assertThat(server.matchmaker().queues()).as("refused calls change nothing").isEmpty();
    }

    @Test
    void keysFromTheGameBackendsJwksVerifyAndRotate() {
        RSAKey rsa = TestTokens.rsaKey("rsa-2026");
        ECKey ec = TestTokens.ecKey("ec-2027");
        JwksServer jwks = new JwksServer().serve(List.of(rsa));
        try {
            server = TestServers.start("MATCHMAKING_JWT_JWKS_URL", jwks.url().toString(),
                    "MATCHMAKING_JWT_AUDIENCE", TestTokens.AUDIENCE);
            TestClient client = new TestClient(server.port());
            assertThat(client.post("/join", "{}", TestClient.bearer(TestTokens.signedBy(rsa, "p1"))).status()).isEqualTo(200);

            jwks.serve(List.of(rsa, ec));
            assertThat(client.post("/join", "{}", TestClient.bearer(TestTokens.signedBy(ec, "p2"))).status()).as("rotated in").isEqualTo(200);
            jwks.stop();
            assertThat(client.post("/join", "{}", TestClient.bearer(TestTokens.signedBy(rsa, "p3"))).status())
                    .as("the key server down, cached keys verify").isEqualTo(200);
            assertThat(client.post("/join", "{}", TestClient.bearer(TestTokens.hs256("p4"))).status()).as("HS256 is not accepted here").isEqualTo(401);
        } finally {
            jwks.stop();
        }
    }

    @Test
    void tokensNeverReachTheLogs() {
        TestClient client = hs256Server("MATCHMAKING_API_TOKEN", SERVER_TOKEN);
        String token = TestTokens.hs256("p1");
        client.post("/join", "{}", TestClient.bearer(token));
        client.post("/join", "{\"id\":\"p2\"}", TestClient.bearer(token));
        client.post("/join", "{}", TestClient.bearer(token + "x"));
        client.get("/queues", TestClient.bearer(SERVER_TOKEN));
        client.get("/queues", TestClient.bearer(SERVER_TOKEN + "x"));
        assertThat(log.lines()).isNotEmpty();
        String signature = token.substring(token.lastIndexOf('.') + 1);
        for (String line : log.lines()) {
            assertThat(line).doesNotContain(signature).doesNotContain(SERVER_TOKEN).doesNotContain(TestTokens.SECRET);
        }
        String metrics = client.get("/metrics").body();
        assertThat(metrics).doesNotContain(signature).doesNotContain(SERVER_TOKEN);
    }

    static List<String> players(JsonNode match) {
        return StreamSupport.stream(match.get("players").spliterator(), false).map(JsonNode::asText).toList();
    }
}
