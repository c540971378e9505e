package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matchmaking.store.mysql.TcpProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * A randomized fault run in the manner of Jepsen: clients join, leave and retry with idempotency
 * keys through two instances of the real jar, each behind its own proxy to the real MariaDB, while
 * the harness loses COMMIT answers, drops COMMITs, freezes connections after their queue lock, cuts
 * an instance from the database, cuts both (the database "restarts") and kills an instance with -9
 * and starts it again. Every request and answer is recorded; the invariants are checked over the
 * whole history and the final database, and the counts printed.
 *
 * <p>It runs {@value #DEFAULT_SECONDS} s by default; longer with
 * {@code ./mvnw -B verify -pl matchmaking-app -Dit.test=FaultRunIT -Dmatchmaking.faultrun.seconds=300}.
 */
class FaultRunIT extends MySqlProcessTest {

    private static final int DEFAULT_SECONDS = 25;
    private static final int CLIENTS = 6;
    private static final int PLAYERS_PER_CLIENT = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** One request and what came of it: a status, or none (no answer within the client's timeout). */
    record Exchange(String player, String key, String op, int status, JsonNode body, long startedNanos, long endedNanos) {
    }

    private final ConcurrentLinkedQueue<Exchange> history = new ConcurrentLinkedQueue<>();
    private final Set<String> abandonedAfter503 = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> faults = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void underRandomFaultsEveryKeyPlacesOnceAndEveryAnswerTellsTheTruth() throws Exception {
        int seconds = Integer.getInteger("matchmaking.faultrun.seconds", DEFAULT_SECONDS);
        try (TcpProxy toA = TcpProxy.to(database.serverAddress()); TcpProxy toB = TcpProxy.to(database.serverAddress())) {
            ServerProcess[] servers = {
                ServerProcess.start(env(toA)), ServerProcess.start(env(toB))};
            AtomicReferenceArray<String> bases = new AtomicReferenceArray<>(new String[] {
                base(servers[0]), base(servers[1])});
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> runClient(client, bases, running), "fault-run-client-" + c);
                thread.start();
                clients.add(thread);
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            try {
                while (System.nanoTime() - end < 0) {
                    injectOneFault(toA, toB, servers, bases);
                }
            } finally {
                running.set(false);
                toA.restore();
                toB.restore();
                for (Thread thread : clients) {
                    thread.join(TimeUnit.SECONDS.toMillis(60));
                }
                for (ServerProcess server : servers) {
                    server.close();
                }
            }
            check();
        }
    }

    private String[] env(TcpProxy proxy) {
        return mysqlEnv(database.urlThrough(proxy.address()), "MATCHMAKING_WAIT_TIMEOUT", "0");
    }

    /**
     * Starts an instance again, as a supervisor would: a fault still armed can hit its start-up (a
     * lost COMMIT of the schema check, a cut), and then it exits and is started once more.
     */
    private ServerProcess restart(TcpProxy proxy) throws Exception {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return ServerProcess.start(env(proxy));
            } catch (IllegalStateException exited) {
                last = exited;
                proxy.restore();
            }
        }
        throw last;
    }

    private static String base(ServerProcess server) {
        return "http://127.0.0.1:" + server.port();
    }

    private void injectOneFault(TcpProxy toA, TcpProxy toB, ServerProcess[] servers, AtomicReferenceArray<String> bases)
            throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        TcpProxy proxy = random.nextBoolean() ? toA : toB;
        String fault;
        switch (random.nextInt(7)) {
            case 0 -> {
                fault = "lose a COMMIT's answer";
                proxy.loseTheReplyTo("COMMIT");
            }
            case 1 -> {
                fault = "drop a COMMIT";
                proxy.drop("COMMIT");
            }
            case 2 -> {
                fault = "freeze after a queue lock";
                proxy.freezeAfter("SELECT q.queue AS locked_queue");
            }
            case 3 -> {
                fault = "cut one instance from the database";
                proxy.cut();
                Thread.sleep(random.nextLong(300, 1_500));
                proxy.restore();
            }
            case 4 -> {
                fault = "cut both (the database restarts)";
                toA.cut();
                toB.cut();
                Thread.sleep(random.nextLong(500, 2_000));
                toA.restore();
                toB.restore();
            }
            case 5 -> {
                fault = "kill -9 an instance and start it again";
                int which = random.nextInt(2);
                servers[which].killNine();
                Thread.sleep(random.nextLong(200, 1_000));
                servers[which] = restart(which == 0 ? toA : toB);
                bases.set(which, base(servers[which]));
            }
            default -> fault = "none";
        }
        faults.merge(fault, 1, Integer::sum);
        Thread.sleep(random.nextLong(300, 1_200));
    }

    /** A client plays games for its players: a new key per game, the same key on every retry of it. */
    private void runClient(int client, AtomicReferenceArray<String> bases, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            String player = "c" + client + "-p" + random.nextInt(PLAYERS_PER_CLIENT);
            boolean leave = random.nextInt(5) == 0;
            String key = UUID.randomUUID().toString();
            String op = leave ? "leave" : "join";
            // only a key every attempt of which was answered "did not take effect" must have no change:
            // an attempt that got no answer, a 504 or a 409 (the key in flight) may have committed
            boolean onlyRefused = true;
            for (int attempt = 0; attempt < 6 && running.get(); attempt++) {
                Exchange exchange = send(bases.get(random.nextInt(2)), player, key, op);
                history.add(exchange);
                int status = exchange.status();
                if (status == 200 || status == 404 || status == 422 || status == 400) {
                    break;
                }
                if (status == 503 && random.nextBoolean()) {
                    // a client that gives up after "did not take effect": its change must not exist
                    if (onlyRefused) {
                        abandonedAfter503.add(key);
                    }
                    break;
                }
                onlyRefused &= status == 503;
                pause(status == 503 ? 200 : 50);
            }
        }
    }

    private static Exchange send(String base, String player, String key, String op) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + op))
                .timeout(Duration.ofSeconds(3))
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + player + "\"}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Exchange(player, key, op, response.statusCode(), body, started, System.nanoTime());
        } catch (IOException noAnswer) {
            return new Exchange(player, key, op, 0, null, started, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(player, key, op, 0, null, started, System.nanoTime());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() throws Exception {
        Map<String, Set<String>> matchesOfKey = new HashMap<>();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        List<Exchange> acknowledgedJoins = new ArrayList<>();
        for (Exchange exchange : history) {
            byStatus.merge(exchange.status(), 1, Integer::sum);
            if (exchange.status() == 200) {
                matchesOfKey.computeIfAbsent(exchange.key(), key -> new HashSet<>())
                        .add(exchange.body().get("match_id").asText());
                if (exchange.op().equals("join")) {
                    acknowledgedJoins.add(exchange);
                }
            }
        }
        Map<String, Integer> size = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        Map<String, List<String>> players = new HashMap<>();
        Set<String> recordedKeys = new HashSet<>();
        int seats = 0;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT match_id, size, status, players FROM mm_match")) {
                while (rows.next()) {
                    size.put(rows.getString(1), rows.getInt(2));
                    status.put(rows.getString(1), rows.getString(3));
                    players.put(rows.getString(1), rows.getString(4).isEmpty() ? List.of() : List.of(rows.getString(4).split(" ")));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT idem_key FROM mm_idempotency")) {
                while (rows.next()) {
                    recordedKeys.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM mm_seat")) {
                rows.next();
                seats = rows.getInt(1);
            }
        }
        Map<String, Integer> waitingMatchesOfPlayer = new HashMap<>();
        status.forEach((match, state) -> {
            if (state.equals("waiting")) {
                players.get(match).forEach(player -> waitingMatchesOfPlayer.merge(player, 1, Integer::sum));
            }
        });

        long keysPlacedTwice = matchesOfKey.values().stream().filter(ids -> ids.size() > 1).count();
        long inTwoWaitingMatches = waitingMatchesOfPlayer.values().stream().filter(count -> count > 1).count();
        long readyNotFull = status.entrySet().stream()
                .filter(entry -> entry.getValue().equals("ready")
                        && players.get(entry.getKey()).size() != size.get(entry.getKey())).count();
        long lostAcknowledged = acknowledgedJoins.stream().filter(join -> {
            String match = join.body().get("match_id").asText();
            if (!status.containsKey(match)) {
                return true;
            }
            boolean answeredReady = join.body().get("status").asText().equals("ready");
            return answeredReady && !(status.get(match).equals("ready") && players.get(match).contains(join.player()));
        }).count();
        long untruthful503 = abandonedAfter503.stream().filter(recordedKeys::contains).count();
        int players200 = acknowledgedJoins.size();

        System.out.printf("fault run: %d exchanges %s; faults %s; %d acknowledged joins, %d keys answered,"
                        + " %d matches (%d ready), %d seats; violations: keys placed twice %d, players in two"
                        + " waiting matches %d, ready matches not full %d, acknowledged joins lost %d,"
                        + " 503s whose change exists %d of %d abandoned%n",
                history.size(), byStatus, faults, players200, matchesOfKey.size(), status.size(),
                status.values().stream().filter("ready"::equals).count(), seats, keysPlacedTwice,
                inTwoWaitingMatches, readyNotFull, lostAcknowledged, untruthful503, abandonedAfter503.size());

        assertThat(players200).as("the run did work").isGreaterThan(20);
        assertThat(keysPlacedTwice).as("keys answered with two different matches").isZero();
        assertThat(inTwoWaitingMatches).as("players in two waiting matches").isZero();
        assertThat(readyNotFull).as("ready matches that are not full").isZero();
        assertThat(lostAcknowledged).as("acknowledged joins that are not durable").isZero();
        assertThat(untruthful503).as("503 answers whose change exists").isZero();
        assertThat(Optional.ofNullable(byStatus.get(500))).as("500 answers").isEmpty();
    }
}
