package io.matchmaking.core.event;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.time.Instant;

/**
 * A waiting player was removed because they had not joined again within the wait timeout.
 *
 * @param player who was removed
 * @param match  the match without them
 * @param at     when
 */
public record PlayerExpired(PlayerId player, Match match, Instant at) implements MatchmakingEvent {
}
