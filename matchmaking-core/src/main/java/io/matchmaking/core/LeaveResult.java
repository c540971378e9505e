package io.matchmaking.core;

import io.matchmaking.core.match.Match;

/** How a leave ended. */
public sealed interface LeaveResult {

    /**
     * The player left.
     *
     * @param match the waiting match without them
     */
    record Left(Match match) implements LeaveResult {
    }

    /** The player waits nowhere (never joined, already left or expired, or their match is ready). */
    record NotWaiting() implements LeaveResult {
    }
}
