package io.matchmaking.core;

import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One player asking for a place in one queue, alone or with a party: a ticket of players placed
 * together in one match, never split.
 *
 * @param player   who submits the join (and whose key it carries)
 * @param queue    where
 * @param deadline when the join must have started its unit of work, or it is answered as not taken
 * @param key      the client's idempotency key: a repeated join with it answers the first one's match
 * @param party    the other players who join with {@code player}: distinct, without {@code player}, in
 *                 the order given; empty for a solo join
 */
public record JoinRequest(PlayerId player, QueueName queue, Deadline deadline, Optional<IdempotencyKey> key,
        List<PlayerId> party) {

    /** Rejects missing fields; drops repeats of a member and of {@code player} from {@code party}. */
    public JoinRequest {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(key, "key");
        Set<PlayerId> members = new LinkedHashSet<>(party);
        members.remove(player);
        party = List.copyOf(members);
    }

    /** A solo join of {@code player}. */
    public JoinRequest(PlayerId player, QueueName queue, Deadline deadline, Optional<IdempotencyKey> key) {
        this(player, queue, deadline, key, List.of());
    }

    /** {@code player} joining {@code queue} alone, with no deadline and no key. */
    public JoinRequest(PlayerId player, QueueName queue) {
        this(player, queue, Deadline.none(), Optional.empty());
    }

    /** {@code player} joining the default queue. */
    public static JoinRequest of(PlayerId player) {
        return new JoinRequest(player, QueueName.DEFAULT);
    }

    /** This join, to be answered as not taken unless it starts its unit before {@code value}. */
    public JoinRequest withDeadline(Deadline value) {
        return new JoinRequest(player, queue, value, key, party);
    }

    /** This join, carrying the client's idempotency key. */
    public JoinRequest withKey(IdempotencyKey value) {
        return new JoinRequest(player, queue, deadline, Optional.of(value), party);
    }

    /** This join, with {@code members} joining together with the player. */
    public JoinRequest withParty(Collection<PlayerId> members) {
        return new JoinRequest(player, queue, deadline, key, List.copyOf(members));
    }

    /** Everyone this join places: the player first, then the party in its order. */
    public List<PlayerId> players() {
        List<PlayerId> players = new ArrayList<>(party.size() + 1);
        players.add(player);
        players.addAll(party);
        return players;
    }

    /** The identity of this join's idempotency record, if it has a key. */
    Optional<IdempotencyRecord.Id> idempotencyId() {
        return key.map(value -> new IdempotencyRecord.Id(player, value));
    }

    /**
     * What this join asks, as its idempotency record names it: the same key for another request is
     * refused. A party is part of the request, whatever the order its members were listed in.
     */
    String asked() {
        if (party.isEmpty()) {
            return "join " + queue.value();
        }
        return "join " + queue.value() + " with "
                + party.stream().map(PlayerId::value).sorted().collect(Collectors.joining(","));
    }
}
