package io.matchmaking.core.store;

import io.matchmaking.core.match.Match;
import java.util.List;
import java.util.Objects;

/**
 * A queue as a store sees it: its waiting match and the places in it.
 *
 * @param waitingMatch the queue's waiting match (possibly empty of players)
 * @param places       the waiting places in it
 */
public record QueueStats(Match waitingMatch, List<WaitingPlayer> places) {

    /** Copies the places. */
    public QueueStats {
        Objects.requireNonNull(waitingMatch, "waitingMatch");
        places = List.copyOf(places);
    }
}
