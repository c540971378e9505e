package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * API.md "Limits": slow senders are cut after the read timeout and hold no request thread while
 * they trickle; connections and held long polls are capped with 503 and Retry-After.
 */
@Timeout(60)
class SlowSendersTest {

    private static final String HALF_A_JOIN = "POST /join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 200\r\n\r\n{";

    private final List<RawConnection> sockets = new ArrayList<>();
    private MatchmakingServer server;

    @AfterEach
    void stop() {
        sockets.forEach(RawConnection::close);
        if (server != null) {
            server.stop();
        }
    }

    private RawConnection open() {
        RawConnection connection = RawConnection.to(server.port());
        sockets.add(connection);
        return connection;
    }

    @Test
    void trickledBodiesHoldNoRequestThreadAndAreCutAfterTheReadTimeout() throws Exception {
        // the 8 request threads of a 2-core memory server: 8 stalled bodies used to take them all
        server = TestServers.start("MATCHMAKING_READ_TIMEOUT", "3", "MATCHMAKING_HTTP_THREADS", "8");
        for (int i = 0; i < 64; i++) {
            open().send(HALF_A_JOIN);
        }
        TestClient client = new TestClient(server.port());
        long[] latencies = new long[200];
        for (int i = 0; i < latencies.length; i++) {
            long start = System.nanoTime();
            assertThat(client.join("p" + i).status()).isEqualTo(200);
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        long p99 = latencies[(int) (latencies.length * 0.99) - 1];
        // generous: unloaded, a join here takes about a millisecond; stalled threads made it 8 s and more
        assertThat(TimeUnit.NANOSECONDS.toMillis(p99)).as("p99 of joins beside 64 trickling bodies, ms").isLessThan(500);

        for (RawConnection stalled : sockets) {
            TestResponse cut = RawConnection.parse(stalled.response());
            assertThat(cut.status()).isEqualTo(408);
            assertThat(cut.body()).isEqualTo("{\"error\":\"the request did not arrive within the read timeout\"}");
            assertThat(cut.header("X-Request-Id")).isNotBlank();
            assertThat(stalled.isClosedByServer()).isTrue();
        }
        assertThat(server.matchmaker().queues().get(0).playersWaiting()).as("only the whole joins took places")
                .isEqualTo(200 % 3);
    }

    @Test
    void aBodyThatArrivesInTimeIsServedHoweverSlowly() throws Exception {
        server = TestServers.start("MATCHMAKING_READ_TIMEOUT", "5");
        RawConnection slow = open().send("POST /join HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n{\"id\"");
        Thread.sleep(300); // the rest comes later, well within the read timeout
        TestResponse joined = RawConnection.parse(slow.send(":\"p1\"}").response());
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().get("players").get(0).asText()).isEqualTo("p1");
        TestResponse chunked = open().exchange("POST /join HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "b\r\n{\"id\":\"p2\"}\r\n0\r\n\r\n");
        assertThat(chunked.status()).isEqualTo(200);
        String big = "{\"id\":\"p3\",\"pad\":\"" + "x".repeat(5000) + "\"}";
        TestResponse tooBig = open().exchange("POST /join HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n");
        assertThat(tooBig.status()).isEqualTo(413);
    }

    @Test
    void aClientThatHangsUpMidBodyChangesNothingAndHoldsNothing() {
        server = TestServers.start("MATCHMAKING_HTTP_THREADS", "8");
        for (int i = 0; i < 32; i++) {
            String join = "{\"id\":\"gone-" + i + "\"}";
            // a whole JSON object, but less than the body announced (or no last chunk): then the client hangs up
            String cut = i % 2 == 0
                    ? "POST /join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                            + (join.length() + 10) + "\r\n\r\n" + join
                    : "POST /join HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(join.length()) + "\r\n" + join + "\r\n";
            try (RawConnection hangsUp = RawConnection.to(server.port())) {
                hangsUp.send(cut);
            }
        }
        TestClient client = new TestClient(server.port());
        assertThat(client.join("p1").status()).as("served beside 32 cut-off bodies").isEqualTo(200);
        for (int i = 0; i < 32; i++) {
            assertThat(client.get("/players/gone-" + i).status()).as("gone-%d joined nothing", i).isEqualTo(404);
        }
        assertThat(client.get("/players/p1").status()).isEqualTo(200);
    }

    @Test
    void trickledHeadersAndSilentConnectionsAreClosedAfterTheReadTimeout() throws Exception {
        server = TestServers.start("MATCHMAKING_READ_TIMEOUT", "2");
        RawConnection silent = open();
        RawConnection trickling = open().send("GET /health/live HTTP/1.1\r\n");
        long start = System.nanoTime();
        CompletableFuture<Void> dripping = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 40; i++) {
                    trickling.send("X-Drip-" + i + ": 1\r\n");
                    Thread.sleep(200);
                }
            } catch (RuntimeException | InterruptedException closed) {
                // the server closed the connection: what this test waits for
            }
        });
        assertThat(silent.isClosedByServer()).isTrue();
        assertThat(trickling.isClosedByServer()).isTrue();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(took).as("closed soon after the 2 s read timeout, not after 8 s of dripping").isBetween(1_500L, 5_000L);
        dripping.get(10, TimeUnit.SECONDS);
        assertThat(new TestClient(server.port()).get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void connectionsBeyondTheCapAre503WithRetryAfter() {
        server = TestServers.start("MATCHMAKING_MAX_CONNECTIONS", "4");
        for (int i = 0; i < 4; i++) {
            assertThat(open().exchange("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(200);
        }
        try (RawConnection fifth = RawConnection.to(server.port())) {
            TestResponse refused = fifth.exchange("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.body()).isEqualTo("{\"error\":\"too many connections, retry later\"}");
            assertThat(fifth.isClosedByServer()).isTrue();
        }

        sockets.remove(0).close();
        awaitServed(server.port());
    }

    @Test
    void aStormOfConnectionsWaitsInTheListenBacklogWhileAcceptingIsPaused() throws Exception {
        // 4 connections, and accepting pauses 16 above: every later one waits in the kernel's backlog,
        // which held 50 by default and dropped the rest (each drop a second's retransmit, or a failure)
        server = TestServers.start("MATCHMAKING_MAX_CONNECTIONS", "4");
        List<Socket> storm = new ArrayList<>();
        try {
            for (int i = 0; i < 4 + 16 + 120; i++) {
                Socket socket = new Socket();
                storm.add(socket);
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            }
            assertThat(storm).allMatch(Socket::isConnected);
        } finally {
            for (Socket socket : storm) {
                socket.close();
            }
        }
        awaitServed(server.port());
    }

    /** A closed connection leaves Jetty's count a moment after the client closes it. */
    private static void awaitServed(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int status;
        do {
            try (RawConnection next = RawConnection.to(port)) {
                status = next.exchange("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").status();
            }
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).as("served again once a connection closed").isEqualTo(200);
    }

    @Test
    void longPollsBeyondTheCapAre503WithRetryAfter() throws Exception {
        server = TestServers.start("MATCHMAKING_MAX_LONG_POLLS", "3");
        TestClient client = new TestClient(server.port());
        String match = client.join("p1").json().get("match_id").asText();
        List<CompletableFuture<TestResponse>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(CompletableFuture.supplyAsync(() -> client.get("/status/" + match + "?wait=30")));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.heldRequests() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.heldRequests()).isEqualTo(3);
        TestResponse refused = client.get("/status/" + match + "?wait=30");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(client.get("/status/" + match).status()).as("a plain read is not held, so not capped").isEqualTo(200);

        client.join("p2");
        for (CompletableFuture<TestResponse> poll : held) {
            assertThat(poll.get(10, TimeUnit.SECONDS).json().get("players")).hasSize(2);
        }
        assertThat(server.heldRequests()).isZero();
    }
}
