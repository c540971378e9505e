package io.matchmaking.core;

import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.util.Objects;

/**
 * One player asking for a place in one queue.
 *
 * @param player   who joins
 * @param queue    where
 * @param deadline when the join must have started its unit of work, or it is answered as not taken
 */
public record JoinRequest(PlayerId player, QueueName queue, Deadline deadline) {

    /** Rejects missing fields. */
    public JoinRequest {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** {@code player} joining {@code queue}, with no deadline. */
    public JoinRequest(PlayerId player, QueueName queue) {
        this(player, queue, Deadline.none());
    }

    /** {@code player} joining the default queue. */
    public static JoinRequest of(PlayerId player) {
        return new JoinRequest(player, QueueName.DEFAULT);
    }

    /** This join, to be answered as not taken unless it starts its unit before {@code value}. */
    public JoinRequest withDeadline(Deadline value) {
        return new JoinRequest(player, queue, value);
    }
}
