package io.matchmaking.core;

import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.util.Objects;

/**
 * One player asking for a place in one queue.
 *
 * @param player who joins
 * @param queue  where
 */
public record JoinRequest(PlayerId player, QueueName queue) {

    /** Rejects missing fields. */
    public JoinRequest {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(queue, "queue");
    }

    /** {@code player} joining the default queue. */
    public static JoinRequest of(PlayerId player) {
        return new JoinRequest(player, QueueName.DEFAULT);
    }
}
