package io.matchmaking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * After the load: reads the final state of every match any join answer named and checks every
 * acknowledged join. Every player in exactly one match, the one their answer named; ready
 * matches exactly full; at most one waiting match in each of the run's queues; first come first
 * served per client and queue (a client's next player in a queue is later in the same match, or
 * its previous match there is ready).
 */
final class InvariantCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InvariantCheck() {
    }

    /** The violations found; empty when every invariant holds. */
    static List<String> run(URI url, List<List<Ack>> acksByClient, int matchSize) throws Exception {
        Map<String, JsonNode> matches = fetchAll(url, acksByClient);
        List<String> violations = new ArrayList<>();
        Map<String, List<String>> seats = new HashMap<>();
        matches.forEach((id, match) -> {
            if (match == null) {
                violations.add("match " + id + " is not found");
                return;
            }
            match.get("players").forEach(player -> seats.computeIfAbsent(player.asText(), p -> new ArrayList<>()).add(id));
            boolean ready = match.get("status").asText().equals("ready");
            if (ready && match.get("players").size() != matchSize) {
                violations.add("ready match " + id + " holds " + match.get("players").size() + " players");
            }
        });
        Map<String, Set<String>> waitingByQueue = new HashMap<>();
        acksByClient.stream().flatMap(List::stream).forEach(ack -> {
            JsonNode match = matches.get(ack.matchId());
            if (match != null && match.get("status").asText().equals("waiting")) {
                waitingByQueue.computeIfAbsent(ack.queue(), queue -> new HashSet<>()).add(ack.matchId());
            }
        });
        waitingByQueue.forEach((queue, waiting) -> {
            if (waiting.size() > 1) {
                violations.add(waiting.size() + " waiting matches in queue " + queue);
            }
        });
        for (List<Ack> client : acksByClient) {
            Map<String, Ack> previousInQueue = new HashMap<>();
            for (Ack ack : client) {
                List<String> holding = seats.getOrDefault(ack.player(), List.of());
                if (holding.size() != 1 || !holding.get(0).equals(ack.matchId())) {
                    violations.add(ack.player() + " answered " + ack.matchId() + " but sits in " + holding);
                }
                Ack previous = previousInQueue.put(ack.queue(), ack);
                if (previous != null) {
                    checkOrder(previous, ack, matches, violations);
                }
            }
        }
        return violations;
    }

    private static void checkOrder(Ack earlier, Ack later, Map<String, JsonNode> matches, List<String> violations) {
        JsonNode first = matches.get(earlier.matchId());
        if (first == null) {
            return;
        }
        if (earlier.matchId().equals(later.matchId())) {
            List<String> players = new ArrayList<>();
            first.get("players").forEach(p -> players.add(p.asText()));
            if (players.indexOf(earlier.player()) >= players.indexOf(later.player())) {
                violations.add("FIFO: " + later.player() + " sits before " + earlier.player() + " in " + earlier.matchId());
            }
        } else if (!first.get("status").asText().equals("ready")) {
            violations.add("FIFO: " + later.player() + " got a new match while " + earlier.matchId() + " still waits");
        }
    }

    private static Map<String, JsonNode> fetchAll(URI url, List<List<Ack>> acksByClient) throws Exception {
        List<String> ids = acksByClient.stream().flatMap(List::stream).map(Ack::matchId).distinct().toList();
        Map<String, JsonNode> matches = new ConcurrentHashMap<>();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    try (RawHttpConnection connection = new RawHttpConnection(url)) {
                        for (int i = part; i < ids.size(); i += threads) {
                            RawHttpConnection.Response response = connection.get("/status/" + ids.get(i), null);
                            if (response.status() == 200) {
                                matches.put(ids.get(i), JSON.readTree(response.body()));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, JsonNode> all = new HashMap<>();
        ids.forEach(id -> all.put(id, matches.get(id)));
        return all;
    }
}
