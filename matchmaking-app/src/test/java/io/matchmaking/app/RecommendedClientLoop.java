package io.matchmaking.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The README's recommended client loop ("Waiting for a match without polling storms") as code,
 * step for step, so that a test can run it against a real server and count what it sends. When
 * the README's loop changes, this changes with it.
 */
final class RecommendedClientLoop {

    /** One HTTP request; empty when there was no answer (a network error or a timeout). */
    interface Transport {
        Optional<TestResponse> send(String method, String path, String body, String... headers);
    }

    /** How the loop waits out a failure; tests record the waits instead of sleeping through them. */
    interface Pause {
        void pause(Duration duration);
    }

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MOST_BACKOFF = Duration.ofSeconds(30);
    private static final Set<Integer> CLIENT_MISTAKES = Set.of(400, 401, 403, 413, 422);

    private final Transport transport;
    private final Pause pause;
    private final String me;
    private int failuresInARow;

    /** The loop of player {@code me}. */
    RecommendedClientLoop(Transport transport, Pause pause, String me) {
        this.transport = transport;
        this.pause = pause;
        this.me = me;
    }

    /** join(me, key) of the README. */
    TestResponse join(String key) {
        while (true) {
            Optional<TestResponse> r = transport.send("POST", "/join", "{\"id\":\"" + me + "\"}", "Idempotency-Key", key);
            if (r.isPresent() && r.get().status() == 200) {
                return succeeded(r.get());
            }
            if (r.isPresent() && CLIENT_MISTAKES.contains(r.get().status())) {
                throw new IllegalStateException("the server refused the join: " + r.get().status() + " " + r.get().body());
            }
            waitAfter(r);
        }
    }

    /** play(me) of the README: the match to start the game with. */
    TestResponse play() {
        String key = newKey();
        TestResponse match = join(key);
        while (true) {
            if (status(match).equals("ready")) {
                return match;
            }
            if (!players(match).contains(me)) {
                key = newKey();
                match = join(key);
                continue;
            }
            Optional<TestResponse> r = transport.send("GET", "/status/" + matchId(match) + "?wait=30", "",
                    "If-None-Match", match.header("ETag"));
            if (r.isPresent() && r.get().status() == 200) {
                match = succeeded(r.get());
            } else if (r.isPresent() && r.get().status() == 304) {
                succeeded(r.get());
            } else if (r.isPresent() && r.get().status() == 404) {
                key = newKey();
                match = join(key);
            } else {
                waitAfter(r);
            }
        }
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private TestResponse succeeded(TestResponse answer) {
        failuresInARow = 0;
        return answer;
    }

    /** wait of the README: Retry-After when the answer has one, else full jitter up to a doubling bound. */
    private void waitAfter(Optional<TestResponse> failed) {
        Optional<String> retryAfter = failed.map(answer -> answer.header("Retry-After"));
        long boundMillis = Math.min(MOST_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failuresInARow, 10));
        failuresInARow++;
        pause.pause(retryAfter.isPresent()
                ? Duration.ofSeconds(Long.parseLong(retryAfter.get().trim()))
                : Duration.ofMillis(ThreadLocalRandom.current().nextLong(boundMillis + 1)));
    }

    private static String status(TestResponse match) {
        return match.json().get("status").asText();
    }

    private static String matchId(TestResponse match) {
        return match.json().get("match_id").asText();
    }

    private static Set<String> players(TestResponse match) {
        JsonNode players = match.json().get("players");
        return StreamSupport.stream(players.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
    }
}
