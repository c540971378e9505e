package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client threads joining distinct players against one or more servers until stopped (or a server
 * goes away), remembering every join answered 200; then checks them all against a server.
 */
final class JoinLoad {

    private final ConcurrentMap<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code threads} clients, thread i on {@code servers[i % n]}, each at most {@code perThread} joins. */
    static JoinLoad start(String prefix, int threadCount, int perThread, TestClient... servers) {
        JoinLoad load = new JoinLoad();
        for (int t = 0; t < threadCount; t++) {
            TestClient client = servers[t % servers.length];
            String name = prefix + "-t" + t;
            Thread thread = new Thread(() -> load.run(client, name, perThread), name);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run(TestClient client, String name, int perThread) {
        for (int i = 0; i < perThread && !stop.get(); i++) {
            String player = name + "-" + i;
            try {
                TestResponse response = client.join(player);
                if (response.status() == 200) {
                    acknowledged.put(player, response.json().get("match_id").asText());
                } else if (response.status() == 503) {
                    unavailable.incrementAndGet();
                } else {
                    failures.incrementAndGet();
                }
            } catch (RuntimeException connectionGone) {
                return;
            }
        }
    }

    /** Bounded polling until {@code count} joins were acknowledged. */
    void awaitAcknowledged(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(acknowledged.size()).as("joins acknowledged").isGreaterThanOrEqualTo(count);
    }

    /** Stops the clients and waits for them. */
    JoinLoad stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        return this;
    }

    /** Waits for clients that run a fixed number of joins. */
    JoinLoad finish() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(2));
        }
        return this;
    }

    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    int unexpectedAnswers() {
        return failures.get();
    }

    /**
     * Every acknowledged player is in exactly one of the answered matches, the one they were told,
     * and found through {@code /players}; ready matches are full; at most one match still waits.
     */
    void assertAllKept(TestClient reader, int matchSize) {
        Map<String, JsonNode> matches = new HashMap<>();
        acknowledged.values().forEach(id -> matches.computeIfAbsent(id, key -> {
            TestResponse response = reader.get("/status/" + key);
            assertThat(response.status()).as("match %s still exists", key).isEqualTo(200);
            return response.json();
        }));
        Map<String, List<String>> seats = new HashMap<>();
        matches.forEach((id, match) -> match.get("players")
                .forEach(p -> seats.computeIfAbsent(p.asText(), x -> new ArrayList<>()).add(id)));
        acknowledged.forEach((player, match) -> {
            assertThat(seats.get(player)).as("%s sits in exactly the match it was told", player).containsExactly(match);
            assertThat(reader.get("/players/" + player).json().get("match_id").asText()).isEqualTo(match);
        });
        assertThat(matches.values()).filteredOn(m -> m.get("status").asText().equals("ready"))
                .allMatch(m -> m.get("players").size() == matchSize);
        assertThat(matches.values()).filteredOn(m -> m.get("status").asText().equals("waiting")).hasSizeLessThanOrEqualTo(1);
        System.out.printf("checked %d acknowledged joins in %d matches (%d joins answered 503)%n",
                acknowledged.size(), matches.size(), unavailable.get());
    }
}
