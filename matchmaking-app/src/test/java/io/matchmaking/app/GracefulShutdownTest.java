package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A request in flight when the server is told to stop still gets its answer; new connections do not. */
class GracefulShutdownTest {

    @Test
    void anInFlightJoinCompletesWhileTheServerStops() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<ScriptedStore> store = new AtomicReference<>();
        MatchmakingServer server = TestServers.start(real -> {
            store.set(new ScriptedStore(real));
            return store.get();
        }, "MATCHMAKING_SHUTDOWN_TIMEOUT", "20");
        int port = server.port();
        store.get().beforeEachUnit(() -> {
            entered.countDown();
            await(release);
        });

        CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() -> new TestClient(port).join("slow"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the join reached the store").isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);

        TestServers.awaitRefused(port);
        assertThat(stopping).as("stop waits for the request in flight").isNotDone();
        assertThat(store.get().isClosed()).as("the store closes only after the drain").isFalse();
        release.countDown();

        TestResponse answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("players").get(0).asText()).isEqualTo("slow");
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(store.get().isClosed()).isTrue();
    }

    @Test
    void aRequestOnAKeptAliveConnectionWhileDrainingIsAJson503WithItsRequestId() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<ScriptedStore> store = new AtomicReference<>();
        MatchmakingServer server = TestServers.start(real -> {
            store.set(new ScriptedStore(real));
            return store.get();
        }, "MATCHMAKING_SHUTDOWN_TIMEOUT", "20");
        int port = server.port();
        store.get().beforeEachUnit(() -> {
            entered.countDown();
            await(release);
        });
        try (CapturedAccessLog log = CapturedAccessLog.capture(); RawConnection kept = RawConnection.to(port)) {
            assertThat(kept.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").response()).startsWith("HTTP/1.1 200");
            CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() -> new TestClient(port).join("slow"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("the join reached the store").isTrue();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            TestServers.awaitRefused(port);

            String answer = kept.send("GET /queues HTTP/1.1\r\nHost: x\r\nX-Request-Id: late-1\r\n\r\n").response();

            assertThat(answer).startsWith("HTTP/1.1 503 ").containsIgnoringCase("\r\nx-request-id: late-1\r\n")
                    .containsIgnoringCase("\r\nretry-after: 1\r\n").endsWith("{\"error\":\"service unavailable\"}");
            assertThat(log.awaitRequest("late-1", 1)).singleElement().satisfies(line ->
                    assertThat(line).containsEntry("status", 503).containsEntry("route", "UNKNOWN"));
            release.countDown();
            assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            stopping.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            server.stop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
