package io.matchmaking.http;

import io.javalin.http.Context;
import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.PlayerId;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Idempotency-Key} header of {@code POST /join} and {@code /leave}, and the keyed
 * requests this instance is serving right now: the same key again while the first is in flight is
 * a 409 with Retry-After (once it is answered, the repeat gets the first one's match).
 */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";

    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();

    /** A player's keyed request; comparable, as client-chosen map keys must be (see the core's ids). */
    private record InFlight(PlayerId player, IdempotencyKey key) implements Comparable<InFlight> {

        private static final Comparator<InFlight> ORDER = Comparator.comparing(InFlight::player).thenComparing(InFlight::key);

        @Override
        public int compareTo(InFlight other) {
            return ORDER.compare(this, other);
        }
    }

    /** The request's key; a malformed one is a 400. */
    static Optional<IdempotencyKey> of(Context ctx) {
        String value = ctx.header(HEADER);
        if (value == null) {
            return Optional.empty();
        }
        if (!IdempotencyKey.isValid(value)) {
            throw ApiException.badRequest(HEADER + " must be 1..64 characters of A-Z a-z 0-9 . _ : @ -");
        }
        return Optional.of(IdempotencyKey.of(value));
    }

    /**
     * Marks {@code player}'s keyed request in flight until the returned action runs; nothing for an
     * unkeyed one. A 409 when the same key is already in flight here.
     */
    Runnable serve(PlayerId player, Optional<IdempotencyKey> key) {
        if (key.isEmpty()) {
            return () -> { };
        }
        InFlight id = new InFlight(player, key.get());
        if (!inFlight.add(id)) {
            throw ApiException.inFlight();
        }
        return () -> inFlight.remove(id);
    }
}
