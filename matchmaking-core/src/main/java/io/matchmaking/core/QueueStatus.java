package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue at a glance.
 *
 * @param queue          the queue
 * @param playersWaiting players in its waiting matches
 * @param oldestWait     how long the longest-waiting of them has waited; zero when none waits
 * @param expectedWait   how long a player who joins alone now can expect to wait for a ready match,
 *                       from the queue's recent arrival rate; empty while there is no such data
 */
public record QueueStatus(QueueName queue, int playersWaiting, Duration oldestWait, Optional<Duration> expectedWait) {

    /** Rejects missing fields. */
    public QueueStatus {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(oldestWait, "oldestWait");
        Objects.requireNonNull(expectedWait, "expectedWait");
    }

    /** A queue's figures with no estimate of the wait. */
    public QueueStatus(QueueName queue, int playersWaiting, Duration oldestWait) {
        this(queue, playersWaiting, oldestWait, Optional.empty());
    }
}
