package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus exposition names the series of API.md, and they move when players join. */
class MetricsTest extends RunningServerTest {

    private String scrape() {
        TestResponse response = client.get("/metrics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        return response.body();
    }

    private static double value(String exposition, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }

    /** Request timers are recorded after the response is written, so poll (bounded) for the count. */
    private double awaitValue(String series, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        double current = value(scrape(), series);
        while (current < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            current = value(scrape(), series);
        }
        return current;
    }

    @Test
    void theNamedSeriesExistAndMoveWhenPlayersJoin() throws InterruptedException {
        client.join("warm-up");
        String before = scrape();
        client.join("alice");
        client.join("bob");
        client.post("/join", "{\"id\":\"carol\",\"queue\":\"ranked\"}");
        client.post("/leave", "{\"id\":\"carol\"}");
        String after = scrape();

        assertThat(value(after, "matchmaking_joins_total") - value(before, "matchmaking_joins_total")).isEqualTo(3.0);
        assertThat(value(after, "matchmaking_matches_formed_total")).isEqualTo(1.0);
        assertThat(value(after, "matchmaking_leaves_total")).isEqualTo(1.0);
        assertThat(after).contains("matchmaking_expirations_total");
        assertThat(after).contains("matchmaking_time_to_ready_seconds_bucket");
        assertThat(value(after, "matchmaking_time_to_ready_seconds_count")).isEqualTo(3.0);
        assertThat(value(after, "matchmaking_players_waiting{queue=\"ranked\"}")).isZero();
        assertThat(after).contains("matchmaking_store_operations_seconds_count{operation=\"in_queue\",outcome=\"success\"}");
        assertThat(after).contains("matchmaking_store_retries_total");
        String joins = "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/join\"}";
        assertThat(awaitValue(joins, value(before, joins) + 3.0)).isEqualTo(value(before, joins) + 3.0);
        assertThat(scrape()).contains("http_server_requests_seconds_bucket{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/join\",le=\"0.001\"}");
        System.gc();
        assertThat(value(scrape(), "matchmaking_long_polls_held")).as("survives a GC").isZero();
        assertThat(scrape()).contains("matchmaking_long_polls_held 0.0");
        assertThat(after).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "process_cpu_usage",
                "process_uptime_seconds", "system_cpu_count");
    }

    @Test
    void playersWaitingIsAGaugePerQueue() {
        client.join("a");
        client.post("/join", "{\"id\":\"b\",\"queue\":\"ranked\"}");
        client.post("/join", "{\"id\":\"c\",\"queue\":\"ranked\"}");
        // the gauges show what the last sweep read (every MATCHMAKING_SWEEP_INTERVAL): no table scan per scrape
        server.matchmaker().sweep();

        String exposition = scrape();

        assertThat(value(exposition, "matchmaking_players_waiting{queue=\"default\"}")).isEqualTo(1.0);
        assertThat(value(exposition, "matchmaking_players_waiting{queue=\"ranked\"}")).isEqualTo(2.0);
        assertThat(exposition).contains("matchmaking_queue_oldest_wait_seconds{queue=\"ranked\"}");
    }

    @Test
    void noPlayerOrMatchIdIsEverALabel() {
        String match = client.join("secret-player-1").json().get("match_id").asText();
        client.get("/status/" + match);
        client.get("/players/secret-player-1");
        client.get("/status/unknown-match-42");

        String exposition = scrape();

        assertThat(exposition).doesNotContain("secret-player-1", match, "unknown-match-42");
        assertThat(exposition).contains("uri=\"/status/{match_id}\"", "uri=\"/players/{player_id}\"");
    }
}
