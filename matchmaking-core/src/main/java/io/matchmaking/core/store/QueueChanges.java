package io.matchmaking.core.store;

import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import java.util.List;
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
 */
public record QueueChanges(
        List<Match> savedMatches,
        List<MatchId> deletedMatches,
        List<PlayerId> released,
        List<WaitingPlayer> claimed,
        List<WaitingPlayer> refreshed,
        List<IdempotencyRecord> recorded,
        List<OutboxEvent> outbox) {

    /** Nothing to write. */
    public static final QueueChanges NONE = new QueueChanges(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Changes that write nothing to the outbox. */
    public QueueChanges(List<Match> savedMatches, List<MatchId> deletedMatches, List<PlayerId> released,
            List<WaitingPlayer> claimed, List<WaitingPlayer> refreshed, List<IdempotencyRecord> recorded) {
        this(savedMatches, deletedMatches, released, claimed, refreshed, recorded, List.of());
    }

    /** Changes that record no idempotency key. */
    public QueueChanges(List<Match> savedMatches, List<MatchId> deletedMatches, List<PlayerId> released,
            List<WaitingPlayer> claimed, List<WaitingPlayer> refreshed) {
        this(savedMatches, deletedMatches, released, claimed, refreshed, List.of());
    }

    /** Copies every list, so the changes stay as decided. */
    public QueueChanges {
        savedMatches = List.copyOf(savedMatches);
        deletedMatches = List.copyOf(deletedMatches);
        released = List.copyOf(released);
        claimed = List.copyOf(claimed);
        refreshed = List.copyOf(refreshed);
        recorded = List.copyOf(recorded);
        outbox = List.copyOf(outbox);
    }

    /** These changes, and also {@code records}. */
    public QueueChanges recording(List<IdempotencyRecord> records) {
        return records.isEmpty() ? this : new QueueChanges(savedMatches, deletedMatches, released, claimed, refreshed,
                Stream.concat(recorded.stream(), records.stream()).toList(), outbox);
    }

    /** These changes, and also {@code events} for the outbox. */
    public QueueChanges sending(List<OutboxEvent> events) {
        return events.isEmpty() ? this : new QueueChanges(savedMatches, deletedMatches, released, claimed, refreshed,
                recorded, Stream.concat(outbox.stream(), events.stream()).toList());
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return savedMatches.isEmpty() && deletedMatches.isEmpty() && released.isEmpty()
                && claimed.isEmpty() && refreshed.isEmpty() && recorded.isEmpty() && outbox.isEmpty();
    }
}
