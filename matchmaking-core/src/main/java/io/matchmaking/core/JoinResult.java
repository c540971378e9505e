package io.matchmaking.core;

import io.matchmaking.core.match.Match;

/** How a join ended. Every case answers with the match that holds the player after the join. */
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

    /**
     * A join repeated with the idempotency key of an earlier one: nothing changed; the answer is
     * the earlier join's match as it is now (also when it has become ready since).
     *
     * @param match the earlier join's match, now
     */
    record Replayed(Match match) implements JoinResult {
    }
}
