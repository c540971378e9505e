package io.matchmaking.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.matchmaking.core.match.Match;
import io.matchmaking.json.MatchView;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /players/{id}} of a waiting player: the match as the seed shapes it, and how far it
 * is from ready: {@code seats_left}, and {@code expected_wait_seconds} (null while the queue's
 * arrival rate is unknown). A ready match is answered in the seed's shape alone ({@link MatchView}).
 */
record PlayerPlaceView(
        @JsonUnwrapped MatchView match,
        @JsonProperty("seats_left") int seatsLeft,
        @JsonProperty("expected_wait_seconds") @JsonInclude(JsonInclude.Include.ALWAYS) Long expectedWaitSeconds) {

    static PlayerPlaceView of(Match waiting, Optional<Duration> expectedWait) {
        return new PlayerPlaceView(MatchView.of(waiting), waiting.seatsLeft(),
                seconds(expectedWait));
    }

    /** An expected wait as the JSON says it: whole seconds, rounded; null without an estimate. */
    static Long seconds(Optional<Duration> expectedWait) {
        return expectedWait.map(wait -> Math.round(wait.toMillis() / 1000.0)).orElse(null);
    }
}
