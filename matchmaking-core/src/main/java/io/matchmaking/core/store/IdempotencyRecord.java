package io.matchmaking.core.store;

import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the first request with an idempotency key did, written in the same unit as its change: a
 * later request with the same key answers its match as it is now instead of acting again.
 *
 * @param id        the player and the key (keys are scoped to the player)
 * @param request   what was asked ({@code "join default"}, {@code "leave"}): the same key for
 *                  another request is refused
 * @param match     the match the first request answered
 * @param createdAt when; records are kept for the match retention
 */
public record IdempotencyRecord(Id id, String request, MatchId match, Instant createdAt) {

    /**
     * A record's identity.
     *
     * @param player whose request
     * @param key    the client's key
     */
    public record Id(PlayerId player, IdempotencyKey key) implements Comparable<Id> {

        private static final Comparator<Id> ORDER = Comparator.comparing(Id::player).thenComparing(Id::key);

        /** Rejects missing parts. */
        public Id {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(key, "key");
        }

        /** By player, then key: client-chosen map keys must be comparable (see {@code Identifiers}). */
        @Override
        public int compareTo(Id other) {
            return ORDER.compare(this, other);
        }
    }

    /** Rejects missing fields. */
    public IdempotencyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
