package io.matchmaking.core.event;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.time.Instant;

/**
 * A player took a new place in a match (a join that only refreshed a waiting place is not one).
 *
 * @param player who joined
 * @param match  the match after the join; ready if this join completed it
 * @param at     when
 */
public record PlayerQueued(PlayerId player, Match match, Instant at) implements MatchmakingEvent {
}
