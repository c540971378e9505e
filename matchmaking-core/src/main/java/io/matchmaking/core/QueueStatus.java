package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;
import java.time.Duration;

/**
 * A queue at a glance.
 *
 * @param queue          the queue
 * @param playersWaiting players in its waiting match
 * @param oldestWait     how long the longest-waiting of them has waited; zero when none waits
 */
public record QueueStatus(QueueName queue, int playersWaiting, Duration oldestWait) {
}
