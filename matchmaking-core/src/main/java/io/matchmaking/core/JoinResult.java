package io.matchmaking.core;

import io.matchmaking.core.match.Match;

/** How a join ended. Both cases answer with the match that holds the player after the join. */
public sealed interface JoinResult {

    /** The match holding the player after the join (ready if the join completed it). */
    Match match();

    /**
     * The player took a new place.
     *
     * @param match the match after the join
     */
    record Queued(Match match) implements JoinResult {
    }

    /**
     * The player was already waiting: nothing changed but their wait timer.
     *
     * @param match the match they wait in, unchanged
     */
    record AlreadyWaiting(Match match) implements JoinResult {
    }
}
