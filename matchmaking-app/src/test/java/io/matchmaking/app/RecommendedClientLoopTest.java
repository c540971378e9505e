package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.OutcomeUnknownException;
import io.matchmaking.core.StoreUnavailableException;
import java.io.EOFException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's recommended client loop, run as code against a real server: it sends a request per
 * change of its match (never a storm), stops as soon as an answer says ready, waits out failures
 * as their answers ask, and never takes a second place after a lost answer.
 */
@Timeout(30)
class RecommendedClientLoopTest extends ScriptedServerTest {

    /** The client's side of the network: every request it sends is counted; a test can lose the next answer. */
    private final class Network implements RecommendedClientLoop.Transport {

        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Duration> pauses = new CopyOnWriteArrayList<>();
        final AtomicInteger answersToLose = new AtomicInteger();
        final AtomicInteger requestsToLose = new AtomicInteger();

        @Override
        public Optional<TestResponse> send(String method, String path, String body, String... headers) {
            sent.add(method + " " + path);
            if (requestsToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.empty();
            }
            TestResponse answer = client.method(method, path, body, headers);
            return answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.empty() : Optional.of(answer);
        }

        RecommendedClientLoop loopOf(String me) {
            return new RecommendedClientLoop(this, pauses::add, me);
        }
    }

    @Test
    void theJoinThatCompletesTheMatchIsTheOnlyRequest() {
        client.join("p1");
        client.join("p2");
        Network network = new Network();

        TestResponse match = network.loopOf("p3").play();

        assertThat(match.json().get("status").asText()).isEqualTo("ready");
        assertThat(network.sent).containsExactly("POST /join");
    }

    @Test
    void waitingPlayersSendARequestPerChangeOfTheirMatch() throws Exception {
        Network first = new Network();
        Network second = new Network();
        CompletableFuture<TestResponse> p1 = CompletableFuture.supplyAsync(() -> first.loopOf("p1").play());
        Held.awaitHeld(server, 1);
        CompletableFuture<TestResponse> p2 = CompletableFuture.supplyAsync(() -> second.loopOf("p2").play());
        // p2's join changed p1's match: p1 looked and is held again, beside p2
        Held.awaitHeld(server, 2);
        client.join("p3");

        assertThat(p1.get(10, TimeUnit.SECONDS).json().get("status").asText()).isEqualTo("ready");
        assertThat(p2.get(10, TimeUnit.SECONDS).json().get("match_id")).isEqualTo(p1.get().json().get("match_id"));
        assertThat(first.sent).hasSize(3).first().isEqualTo("POST /join");
        assertThat(second.sent).hasSize(2).first().isEqualTo("POST /join");
        assertThat(first.pauses).isEmpty();
    }

    @Test
    void anOutageIsWaitedOutAsRetryAfterSays() {
        AtomicInteger refusals = new AtomicInteger(3);
        store.beforeEachUnit(() -> {
            if (refusals.getAndDecrement() > 0) {
                throw new StoreUnavailableException("down");
            }
        });
        Network network = new Network();

        TestResponse match = network.loopOf("p1").join("key-1");

        assertThat(match.status()).isEqualTo(200);
        assertThat(network.sent).containsExactly("POST /join", "POST /join", "POST /join", "POST /join");
        assertThat(network.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void failuresWithoutRetryAfterBackOffWithJitterUpToADoublingBound() {
        AtomicInteger failures = new AtomicInteger(4);
        store.beforeEachUnit(() -> {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("a bug");
            }
        });
        Network network = new Network();

        network.loopOf("p1").join("key-1");

        assertThat(network.sent).hasSize(5);
        assertThat(network.pauses).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(network.pauses.get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(1L << i));
        }
    }

    @Test
    void aLostAnswerOfTheCompletingJoinIsSentAgainWithItsKeyAndTakesNoSecondPlace() {
        client.join("p1");
        client.join("p2");
        Network network = new Network();
        network.answersToLose.set(1);

        TestResponse match = network.loopOf("p3").play();

        assertThat(match.json().get("status").asText()).isEqualTo("ready");
        assertThat(match.json().get("players").toString()).isEqualTo("[\"p1\",\"p2\",\"p3\"]");
        assertThat(network.sent).containsExactly("POST /join", "POST /join");
        assertThat(client.get("/queues").json().get("queues")).as("p3 holds no second place").isEmpty();
    }

    @Test
    void aJoinThatNeverArrivedIsSentAgainAndTakesOnePlace() {
        Network network = new Network();
        network.requestsToLose.set(1);

        TestResponse match = network.loopOf("p3").join("key-1");

        assertThat(match.json().get("players").toString()).isEqualTo("[\"p3\"]");
        assertThat(network.sent).containsExactly("POST /join", "POST /join");
        assertThat(network.pauses).hasSize(1);
    }

    @Test
    void anUnknownOutcomeIsSentAgainWithTheSameKey() {
        AtomicInteger unknowns = new AtomicInteger(1);
        store.beforeEachUnit(() -> {
            if (unknowns.getAndDecrement() > 0) {
                throw new OutcomeUnknownException("a unit", new EOFException("lost"));
            }
        });
        Network network = new Network();

        TestResponse match = network.loopOf("p1").join("key-1");

        assertThat(match.json().get("players").toString()).isEqualTo("[\"p1\"]");
        assertThat(network.sent).containsExactly("POST /join", "POST /join");
    }

    @Test
    void aPlayerRemovedAfterTheWaitTimeoutJoinsAgain() throws Exception {
        MatchmakingServer expiring = TestServers.start("MATCHMAKING_WAIT_TIMEOUT", "1", "MATCHMAKING_SWEEP_INTERVAL", "1");
        try {
            TestClient expiringClient = new TestClient(expiring.port());
            List<String> sent = new CopyOnWriteArrayList<>();
            RecommendedClientLoop.Transport transport = (method, path, body, headers) -> {
                sent.add(method + " " + path);
                return Optional.of(expiringClient.method(method, path, body, headers));
            };
            CompletableFuture<TestResponse> p1 = CompletableFuture.supplyAsync(() ->
                    new RecommendedClientLoop(transport, pause -> { }, "p1").play());
            // joined, held, expired (the long poll answers the match without p1), joined again, held again
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sent.stream().filter("POST /join"::equals).count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Held.awaitHeld(expiring, 1);
            expiringClient.join("p2");
            expiringClient.join("p3");

            assertThat(p1.get(10, TimeUnit.SECONDS).json().get("status").asText()).isEqualTo("ready");
            assertThat(sent.stream().filter("POST /join"::equals).count()).isGreaterThanOrEqualTo(2);
            assertThat(sent).as("a request per change, not a storm").hasSizeLessThan(12);
        } finally {
            expiring.stop();
        }
    }
}
