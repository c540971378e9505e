package io.matchmaking.core.store;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads a {@link QueueWork} may make while its queue is locked. Reads are few and batched on
 * purpose: a unit of many joins costs the store two round trips, not two per join.
 */
public interface QueueReads {

    /**
     * The queue's waiting matches, in the order they were opened: first fit places a party in the
     * oldest one with enough free seats. With solo joins only there is at most one.
     */
    List<Match> waitingMatches();

    /**
     * The waiting places of these players, in any queue: a player waiting in another queue is
     * returned too, so the rules can keep a player in one waiting match at a time.
     */
    Map<PlayerId, WaitingPlayer> waitingPlayers(Collection<PlayerId> players);

    /** The idempotency records of these ids that exist, wherever they were written; one read. */
    Map<IdempotencyRecord.Id, IdempotencyRecord> idempotencyRecords(Collection<IdempotencyRecord.Id> ids);

    /**
     * The store's own clock, read in a statement this unit makes anyway, if the store has one that
     * every instance shares (a database): the time of record of the unit. Empty by default.
     */
    default Optional<Instant> now() {
        return Optional.empty();
    }

    /** Any match by id (a repeated request answers its first request's match as it is now). */
    Optional<Match> match(MatchId id);
}
