package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The waiting places one unit read (of any queue: a player waits in one place across all queues)
 * and what the unit made of them. The net writes are the difference, so the rules only say what a
 * place becomes and never how a store must write it. Places in other queues are never written by
 * this queue's unit. Plain loops rather than streams: this runs inside the queue's lock on every join.
 */
final class WaitingPlaces {

    private final QueueName queue;
    private final Map<PlayerId, WaitingPlayer> before;
    private final Map<PlayerId, WaitingPlayer> now;

    /** {@code read} is the unit's own map of what it read; it is kept as the "before", never written. */
    WaitingPlaces(QueueName queue, Map<PlayerId, WaitingPlayer> read) {
        this.queue = queue;
        this.before = read;
        this.now = new HashMap<>(read);
    }

    /** The player's place as the unit has left it so far, or null. */
    WaitingPlayer of(PlayerId player) {
        return now.get(player);
    }

    /**
     * The players of {@code place}'s ticket, in {@code match}'s order: the party it joined with, or
     * the player alone.
     */
    List<PlayerId> ticketOf(WaitingPlayer place, Match match) {
        List<PlayerId> ticket = new ArrayList<>();
        for (PlayerId player : match.players()) {
            WaitingPlayer other = now.get(player);
            if (other != null && other.sameTicketAs(place)) {
                ticket.add(player);
            }
        }
        return ticket;
    }

    /** How long each player of {@code ready} waited, in its order, until {@code at}. */
    List<Duration> waitsUntil(Match ready, Instant at) {
        List<Duration> waits = new ArrayList<>(ready.size());
        for (PlayerId player : ready.players()) {
            WaitingPlayer place = now.get(player);
            waits.add(place == null ? Duration.ZERO : Duration.between(place.joinedAt(), at));
        }
        return waits;
    }

    void put(WaitingPlayer place) {
        now.put(place.player(), place);
    }

    void remove(PlayerId player) {
        now.remove(player);
    }

    /** Places of this queue that ended or moved to another match. */
    List<PlayerId> released() {
        List<PlayerId> released = new ArrayList<>();
        for (WaitingPlayer old : before.values()) {
            if (old.queue().equals(queue) && !sameMatch(old, now.get(old.player()))) {
                released.add(old.player());
            }
        }
        return released;
    }

    /** Places of this queue in a match the player did not wait in before. */
    List<WaitingPlayer> claimed() {
        List<WaitingPlayer> claimed = new ArrayList<>();
        for (WaitingPlayer place : now.values()) {
            if (place.queue().equals(queue) && !sameMatch(place, before.get(place.player()))) {
                claimed.add(place);
            }
        }
        return claimed;
    }

    /** Places of this queue kept in the same match but with a new wait timer. */
    List<WaitingPlayer> refreshed() {
        List<WaitingPlayer> refreshed = new ArrayList<>();
        for (WaitingPlayer place : now.values()) {
            WaitingPlayer old = before.get(place.player());
            if (place.queue().equals(queue) && sameMatch(place, old) && !place.equals(old)) {
                refreshed.add(place);
            }
        }
        return refreshed;
    }

    private static boolean sameMatch(WaitingPlayer a, WaitingPlayer b) {
        return a != null && b != null && a.matchId().equals(b.matchId());
    }
}
