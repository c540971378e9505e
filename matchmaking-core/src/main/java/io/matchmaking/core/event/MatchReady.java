package io.matchmaking.core.event;

import io.matchmaking.core.match.Match;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A match became full and final.
 *
 * @param match     the ready match
 * @param waitTimes how long each player waited, from taking the place to ready, in join order
 * @param at        when
 */
public record MatchReady(Match match, List<Duration> waitTimes, Instant at) implements MatchmakingEvent {

    /** Copies the wait times. */
    public MatchReady {
        waitTimes = List.copyOf(waitTimes);
    }
}
