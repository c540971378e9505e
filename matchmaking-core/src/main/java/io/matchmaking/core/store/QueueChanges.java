package io.matchmaking.core.store;

import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The net writes of one unit of work on one queue, applied by a store in one atomic step, in
 * this order: {@code released}, {@code claimed}, {@code refreshed}, {@code savedMatches},
 * {@code deletedMatches}, {@code recorded}, {@code outbox}.
 *
 * @param savedMatches   final state of every match the unit changed (insert or replace)
 * @param deletedMatches waiting matches removed for good (empty and past retention)
 * @param released       players whose waiting place ends (they left, expired, or their match is ready)
 * @param claimed        new waiting places; a store must refuse them all, with a
 *                       {@link io.matchmaking.core.UnitNotCommittedException} of reason
 *                       {@code CLAIM_CONFLICT}, if the player already waits elsewhere
 * @param refreshed      existing waiting places of this queue with a new {@code lastJoinAt}
 * @param recorded       idempotency records of the requests this unit served; refused the same
 *                       way if a record of the same id exists
 * @param outbox         events to deliver to the game's backend, written with the changes they
 *                       tell of (to the store's {@link Outbox}); empty unless the matchmaker has one
 * @param outboxClaim    how long after it occurred each of {@code outbox} stays claimed by the
 *                       instance that commits it, which delivers it itself meanwhile; zero: due
 *                       to any claimer at once
 */
public record QueueChanges(
        List<Match> savedMatches,
        List<MatchId> deletedMatches,
        List<PlayerId> released,
        List<WaitingPlayer> claimed,
        List<WaitingPlayer> refreshed,
        List<IdempotencyRecord> recorded,
        List<OutboxEvent> outbox,
        Duration outboxClaim) {

    /** Nothing to write. */
    public static final QueueChanges NONE = new QueueChanges(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Changes that write nothing to the outbox. */
    public QueueChanges(List<Match> savedMatches, List<MatchId> deletedMatches, List<PlayerId> released,
            List<WaitingPlayer> claimed, List<WaitingPlayer> refreshed, List<IdempotencyRecord> recorded) {
        this(savedMatches, deletedMatches, released, claimed, refreshed, recorded, List.of(), Duration.ZERO);
    }

    /** Changes that record no idempotency key. */
    public QueueChanges(List<Match> savedMatches, List<MatchId> deletedMatches, List<PlayerId> released,
            List<WaitingPlayer> claimed, List<WaitingPlayer> refreshed) {
        this(savedMatches, deletedMatches, released, claimed, refreshed, List.of());
    }

    /** Copies every list, so the changes stay as decided; rejects a negative claim. */
    public QueueChanges {
        savedMatches = List.copyOf(savedMatches);
        deletedMatches = List.copyOf(deletedMatches);
        released = List.copyOf(released);
        claimed = List.copyOf(claimed);
        refreshed = List.copyOf(refreshed);
        recorded = List.copyOf(recorded);
        outbox = List.copyOf(outbox);
        if (outboxClaim.isNegative()) {
            throw new IllegalArgumentException("a negative claim on outbox events: " + outboxClaim);
        }
    }

    /** These changes, and also {@code records}. */
    public QueueChanges recording(List<IdempotencyRecord> records) {
        return records.isEmpty() ? this : new QueueChanges(savedMatches, deletedMatches, released, claimed, refreshed,
                Stream.concat(recorded.stream(), records.stream()).toList(), outbox, outboxClaim);
    }

    /**
     * These changes, and also {@code events} for the outbox, all claimed for {@code claim} after
     * they occurred by the instance that commits them (zero: due at once).
     */
    public QueueChanges sending(List<OutboxEvent> events, Duration claim) {
        Objects.requireNonNull(claim, "claim");
        return events.isEmpty() ? this : new QueueChanges(savedMatches, deletedMatches, released, claimed, refreshed,
                recorded, Stream.concat(outbox.stream(), events.stream()).toList(), claim);
    }

    /** The moment {@code event}, one of {@link #outbox}, is due to any claimer. */
    public Instant outboxDueAt(OutboxEvent event) {
        return event.occurredAt().plus(outboxClaim);
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return savedMatches.isEmpty() && deletedMatches.isEmpty() && released.isEmpty()
                && claimed.isEmpty() && refreshed.isEmpty() && recorded.isEmpty() && outbox.isEmpty();
    }
}
