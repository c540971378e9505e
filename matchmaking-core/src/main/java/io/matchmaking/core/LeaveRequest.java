package io.matchmaking.core;

import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.store.IdempotencyRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * One player asking to leave their waiting match.
 *
 * @param player   who leaves
 * @param deadline when the leave must have started its unit of work, or it is answered as not taken
 * @param key      the client's idempotency key: a repeated leave with it answers the first one's match
 */
public record LeaveRequest(PlayerId player, Deadline deadline, Optional<IdempotencyKey> key) {

    static final String ASKED = "leave";

    /** Rejects missing fields. */
    public LeaveRequest {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(key, "key");
    }

    /** {@code player} leaving, with no deadline and no key. */
    public static LeaveRequest of(PlayerId player) {
        return new LeaveRequest(player, Deadline.none(), Optional.empty());
    }

    /** The identity of this leave's idempotency record, if it has a key. */
    Optional<IdempotencyRecord.Id> idempotencyId() {
        return key.map(value -> new IdempotencyRecord.Id(player, value));
    }
}
