package io.matchmaking.core;

import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * One player asking for a place in one queue.
 *
 * @param player   who joins
 * @param queue    where
 * @param deadline when the join must have started its unit of work, or it is answered as not taken
 * @param key      the client's idempotency key: a repeated join with it answers the first one's match
 */
public record JoinRequest(PlayerId player, QueueName queue, Deadline deadline, Optional<IdempotencyKey> key) {

    /** Rejects missing fields. */
    public JoinRequest {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(key, "key");
    }

    /** {@code player} joining {@code queue}, with no deadline and no key. */
    public JoinRequest(PlayerId player, QueueName queue) {
        this(player, queue, Deadline.none(), Optional.empty());
    }

    /** {@code player} joining the default queue. */
    public static JoinRequest of(PlayerId player) {
        return new JoinRequest(player, QueueName.DEFAULT);
    }

    /** This join, to be answered as not taken unless it starts its unit before {@code value}. */
    public JoinRequest withDeadline(Deadline value) {
        return new JoinRequest(player, queue, value, key);
    }

    /** This join, carrying the client's idempotency key. */
    public JoinRequest withKey(IdempotencyKey value) {
        return new JoinRequest(player, queue, deadline, Optional.of(value));
    }

    /** The identity of this join's idempotency record, if it has a key. */
    Optional<IdempotencyRecord.Id> idempotencyId() {
        return key.map(value -> new IdempotencyRecord.Id(player, value));
    }

    /** What this join asks, as its idempotency record names it: the same key for another request is refused. */
    String asked() {
        return "join " + queue.value();
    }
}
