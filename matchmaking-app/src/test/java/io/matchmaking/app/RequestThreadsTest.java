package io.matchmaking.app;

import static io.matchmaking.app.Held.awaitHeld;
import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.testkit.Concurrently;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code MATCHMAKING_HTTP_THREADS} bounds the threads serving requests; more requests than threads
 * wait their turn instead of failing, and held long polls take no thread.
 */
class RequestThreadsTest {

    private static final int THREADS = 8;

    private final MatchmakingServer server = TestServers.start("MATCHMAKING_HTTP_THREADS", String.valueOf(THREADS));
    private final TestClient client = new TestClient(server.port());

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void manyMoreRequestsThanThreadsAreAllServedWhileLongPollsAreHeld() throws Exception {
        String waiting = client.join("first").json().get("match_id").asText();
        List<CompletableFuture<TestResponse>> polls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            polls.add(client.getAsync("/status/" + waiting + "?wait=30"));
        }
        awaitHeld(server, 100);

        List<List<Integer>> statuses = Concurrently.run(32, t -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                mine.add(client.join("t" + t + "-" + i).status());
            }
            return mine;
        });

        assertThat(statuses).allSatisfy(mine -> assertThat(mine).containsOnly(200));
        for (CompletableFuture<TestResponse> poll : polls) {
            assertThat(poll.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(requestThreads()).isBetween(1L, (long) THREADS);
    }

    private static long requestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("http-"))
                .count();
    }
}
