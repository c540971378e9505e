package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.store.mysql.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The jar on MySQL behind a proxy that loses the answer to a COMMIT the database executed: the
 * join is answered with the truth (its match), never with the 503 that says it did not take effect;
 * when even the read-back fails, with the distinct 504.
 */
class LostCommitIT extends MySqlProcessTest {

    private TcpProxy proxy;
    private ServerProcess server;
    private TestClient client;

    /** The jar on this test's database, through a proxy the test breaks. */
    @BeforeEach
    void startBehindAProxy() throws Exception {
        proxy = TcpProxy.to(database.serverAddress());
        server = ServerProcess.start(mysqlEnv(database.urlThrough(proxy.address())));
        client = server.client();
    }

    @AfterEach
    void stopServerAndProxy() throws Exception {
        server.close();
        proxy.close();
    }

    @Test
    void theCompletingJoinWhoseCommitAnswerIsLostIsAnsweredReady() throws Exception {
        client.join("p1");
        client.join("p2");
        proxy.loseTheReplyTo("COMMIT");

        TestResponse third = client.join("p3");

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().get("status").asText()).isEqualTo("ready");
        TestResponse where = client.get("/players/p3");
        assertThat(where.json().get("match_id")).isEqualTo(third.json().get("match_id"));
        assertThat(client.get("/queues").json().get("queues")).as("p3 holds no second place").isEmpty();
    }

    @Test
    void aClientThatRetriesTheLostJoinWithItsKeyGetsTheSameMatchAndNoSecondPlace() throws Exception {
        client.join("p1");
        client.join("p2");
        proxy.loseTheReplyTo("COMMIT");

        TestResponse third = client.post("/join", "{\"id\":\"p3\"}", "Idempotency-Key", "p3-game-1");
        // the client lost this answer too, as mobile clients do, and sends the join again
        TestResponse retried = client.post("/join", "{\"id\":\"p3\"}", "Idempotency-Key", "p3-game-1");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(third.json());
        assertThat(retried.json().get("status").asText()).isEqualTo("ready");
        assertThat(client.get("/queues").json().get("queues")).as("no second place").isEmpty();
    }

    @Test
    void aCommitWhoseOutcomeCannotBeReadBackIsA504NotA503() throws Exception {
        client.join("p1");
        proxy.loseTheReplyToThenCut("COMMIT");

        TestResponse unknown = client.join("p2");

        assertThat(unknown.status()).isEqualTo(504);
        assertThat(unknown.json().get("error").asText()).startsWith("outcome unknown");
        proxy.restore();
        // the database took the COMMIT: the truth, once readable, is that p2 waits
        TestResponse truth = client.get("/players/p2");
        for (int attempt = 0; attempt < 50 && truth.status() != 200; attempt++) {
            Thread.sleep(100);
            truth = client.get("/players/p2");
        }
        assertThat(truth.status()).isEqualTo(200);
        assertThat(truth.json().get("players").toString()).isEqualTo("[\"p1\",\"p2\"]");
    }
}
