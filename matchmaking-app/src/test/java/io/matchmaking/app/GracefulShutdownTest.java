package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request in flight when the server is told to stop still gets its answer; new connections do not. */
class GracefulShutdownTest {

    private final ScriptedServer scripted = ScriptedServer.start("MATCHMAKING_SHUTDOWN_TIMEOUT", "20");
    private final int port = scripted.server.port();
    private final ScriptedServer.Gate gate = scripted.holdUnits();

    @AfterEach
    void stop() {
        gate.open();
        scripted.close();
    }

    @Test
    void anInFlightJoinCompletesWhileTheServerStops() throws Exception {
        CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() -> scripted.client.join("slow"));
        assertThat(gate.awaitEntered()).as("the join reached the store").isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(scripted.server::stop);

        TestServers.awaitRefused(port);
        assertThat(stopping).as("stop waits for the request in flight").isNotDone();
        assertThat(scripted.store.isClosed()).as("the store closes only after the drain").isFalse();
        gate.open();

        TestResponse answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("players").get(0).asText()).isEqualTo("slow");
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(scripted.store.isClosed()).isTrue();
    }

    @Test
    void aRequestOnAKeptAliveConnectionWhileDrainingIsAJson503WithItsRequestId() throws Exception {
        try (CapturedAccessLog log = CapturedAccessLog.capture(); RawConnection kept = RawConnection.to(port)) {
            assertThat(kept.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").response()).startsWith("HTTP/1.1 200");
            CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() -> scripted.client.join("slow"));
            assertThat(gate.awaitEntered()).as("the join reached the store").isTrue();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(scripted.server::stop);
            TestServers.awaitRefused(port);

            String answer = kept.send("GET /queues HTTP/1.1\r\nHost: x\r\nX-Request-Id: late-1\r\n\r\n").response();

            assertThat(answer).startsWith("HTTP/1.1 503 ").containsIgnoringCase("\r\nx-request-id: late-1\r\n")
                    .containsIgnoringCase("\r\nretry-after: 1\r\n").endsWith("{\"error\":\"service unavailable\"}");
            assertThat(log.awaitRequest("late-1", 1)).singleElement().satisfies(line ->
                    assertThat(line).containsEntry("status", 503).containsEntry("route", "UNKNOWN"));
            gate.open();
            assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            stopping.get(10, TimeUnit.SECONDS);
        }
    }
}
