package io.matchmaking.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.http.console.RecentMatches;
import io.matchmaking.http.console.RollingCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code GET /console/api/matches}: the matches this instance formed.
 *
 * @param perMinute   matches that became ready in each of the last 60 minutes, oldest first; the
 *                    last minute is the current one, still counting
 * @param lastHour    their sum
 * @param timeToReady join-to-ready percentiles over about the last five minutes; null without a match then
 * @param latest      the latest ready matches, newest first
 */
record ConsoleMatchesView(
        @JsonProperty("per_minute") List<Minute> perMinute,
        @JsonProperty("last_hour") long lastHour,
        @JsonProperty("time_to_ready") TimeToReady timeToReady,
        @JsonProperty("latest") List<Latest> latest) {

    /** One minute: its start (UNIX seconds) and the matches that became ready in it. */
    record Minute(@JsonProperty("minute") long minute, @JsonProperty("matches") long matches) {
    }

    /** Percentiles in seconds, to the millisecond. */
    record TimeToReady(
            @JsonProperty("p50_seconds") double p50,
            @JsonProperty("p95_seconds") double p95,
            @JsonProperty("p99_seconds") double p99) {
    }

    /** A ready match: its id, queue and players, when it became ready, and its longest wait. */
    record Latest(
            @JsonProperty("match_id") String matchId,
            @JsonProperty("queue") String queue,
            @JsonProperty("players") List<String> players,
            @JsonProperty("ready_at") long readyAt,
            @JsonProperty("longest_wait_seconds") double longestWait) {
    }

    static ConsoleMatchesView of(RecentMatches matches) {
        RollingCounts.Window window = matches.perMinute();
        List<Minute> minutes = new ArrayList<>(window.counts().size());
        long start = window.start().getEpochSecond();
        long lastHour = 0;
        for (long count : window.counts()) {
            minutes.add(new Minute(start, count));
            start += window.bucketMillis() / 1000;
            lastHour += count;
        }
        TimeToReady timeToReady = matches.timeToReady()
                .map(t -> new TimeToReady(seconds(t.p50()), seconds(t.p95()), seconds(t.p99())))
                .orElse(null);
        return new ConsoleMatchesView(minutes, lastHour, timeToReady,
                matches.latest().stream().map(ConsoleMatchesView::latest).toList());
    }

    private static Latest latest(MatchReady ready) {
        Duration longest = ready.waitTimes().isEmpty() ? Duration.ZERO : Collections.max(ready.waitTimes());
        return new Latest(ready.match().id().value(), ready.match().queue().value(),
                ready.match().players().stream().map(PlayerId::value).toList(),
                ready.match().readyAt().getEpochSecond(), seconds(longest));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
