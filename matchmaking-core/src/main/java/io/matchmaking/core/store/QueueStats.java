package io.matchmaking.core.store;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.QueueName;
import java.util.List;
import java.util.Objects;

/**
 * A queue as a store sees it: its waiting matches and the places in them.
 *
 * @param queue          the queue
 * @param waitingMatches its waiting matches in the order they were opened (some may be empty of players)
 * @param places         the waiting places in them
 */
public record QueueStats(QueueName queue, List<Match> waitingMatches, List<WaitingPlayer> places) {

    /** Copies the lists. */
    public QueueStats {
        Objects.requireNonNull(queue, "queue");
        waitingMatches = List.copyOf(waitingMatches);
        places = List.copyOf(places);
    }
}
