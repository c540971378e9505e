package io.matchmaking.core.event;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.time.Instant;

/**
 * A player left their waiting match.
 *
 * @param player who left
 * @param match  the match without them
 * @param at     when
 */
public record PlayerLeft(PlayerId player, Match match, Instant at) implements MatchmakingEvent {
}
