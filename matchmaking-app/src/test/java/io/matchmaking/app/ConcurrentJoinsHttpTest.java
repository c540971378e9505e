package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.matchmaking.core.testkit.Concurrently;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 512 joins over HTTP from 16 threads at once keep every invariant of the contract suite. */
class ConcurrentJoinsHttpTest extends RunningServerTest {

    /** One address drives many clients here; its rate limit is not what this tests (SlowSendersTest, LimitsTest do). */
    ConcurrentJoinsHttpTest() {
        super("MATCHMAKING_ADDRESS_RATE_LIMIT", "0");
    }

    @Test
    void concurrentJoinsKeepEveryInvariant() throws Exception {
        int threads = 16;
        int perThread = 32;
        List<Map<String, String>> byThread = Concurrently.run(threads, t -> {
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 0; i < perThread; i++) {
                String player = "t" + t + "-" + i;
                TestResponse response = client.join(player);
                assertThat(response.status()).isEqualTo(200);
                answers.put(player, response.json().get("match_id").asText());
            }
            return answers;
        });

        Map<String, String> answered = new HashMap<>();
        byThread.forEach(answered::putAll);
        Map<String, JsonNode> matches = new HashMap<>();
        answered.values().forEach(id -> matches.computeIfAbsent(id, key -> client.get("/status/" + key).json()));

        Map<String, Integer> seats = new HashMap<>();
        Map<String, String> holder = new HashMap<>();
        matches.forEach((id, match) -> match.get("players").forEach(p -> {
            seats.merge(p.asText(), 1, Integer::sum);
            holder.put(p.asText(), id);
        }));
        assertThat(seats).hasSize(threads * perThread);
        assertThat(seats.values()).as("every player in exactly one match").allMatch(count -> count == 1);
        assertThat(answered).as("every answer names the match that holds the player").isEqualTo(holder);
        assertThat(matches.values()).filteredOn(m -> m.get("status").asText().equals("ready"))
                .allMatch(m -> m.get("players").size() == 3);
        assertThat(matches.values()).filteredOn(m -> m.get("status").asText().equals("waiting"))
                .as("at most one waiting match").hasSizeLessThanOrEqualTo(1);
    }
}
