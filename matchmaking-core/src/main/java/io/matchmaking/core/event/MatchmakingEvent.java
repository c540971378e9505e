package io.matchmaking.core.event;

import io.matchmaking.core.match.Match;
import java.time.Instant;

/**
 * Something that changed a match, published after the change is committed. Every event carries
 * the match as it is after the change, so a listener never needs to read it back.
 */
public sealed interface MatchmakingEvent permits PlayerQueued, MatchReady, PlayerLeft, PlayerExpired {

    /** The match after the change. */
    Match match();

    /** When the change happened (the core's clock). */
    Instant at();
}
