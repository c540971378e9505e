package io.matchmaking.core.store;

import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.time.Instant;
import java.util.Objects;

/**
 * A player's place in a waiting match. A player has at most one, across all queues; the stores
 * guarantee that even when two queues claim the same player at once.
 *
 * @param player     who waits
 * @param queue      the queue of the match
 * @param matchId    the waiting match that holds the place
 * @param joinedAt   when the player took the place (start of their wait)
 * @param lastJoinAt the latest {@code join} of the player; the wait timeout counts from here
 * @param ticket     the player who submitted the join that placed this one (themselves when solo): the
 *                   places of one ticket are a party, which leaves, expires and is refreshed as one
 */
public record WaitingPlayer(PlayerId player, QueueName queue, MatchId matchId, Instant joinedAt, Instant lastJoinAt,
        PlayerId ticket) {

    /** Rejects missing fields. */
    public WaitingPlayer {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(lastJoinAt, "lastJoinAt");
        Objects.requireNonNull(ticket, "ticket");
    }

    /** A solo player's place: their own ticket. */
    public WaitingPlayer(PlayerId player, QueueName queue, MatchId matchId, Instant joinedAt, Instant lastJoinAt) {
        this(player, queue, matchId, joinedAt, lastJoinAt, player);
    }

    /** Whether this place was taken by the same join as {@code other}'s. */
    public boolean sameTicketAs(WaitingPlayer other) {
        return ticket.equals(other.ticket) && matchId.equals(other.matchId);
    }

    /** The same place, with the wait timer started again at {@code now}. */
    public WaitingPlayer refreshedAt(Instant now) {
        return new WaitingPlayer(player, queue, matchId, joinedAt, now, ticket);
    }
}
