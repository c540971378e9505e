package io.matchmaking.core;

import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.WaitingPlayer;
import java.util.List;
import java.util.Map;

/**
 * Turns the waiting places of one queue before and after a unit into the net writes a store
 * applies. Places in other queues are never written by this queue's unit.
 */
final class PlaceChanges {

    private PlaceChanges() {
    }

    /** Places of this queue that ended or moved to another match. */
    static List<PlayerId> released(QueueName queue, Map<PlayerId, WaitingPlayer> before,
            Map<PlayerId, WaitingPlayer> after) {
        return before.values().stream()
                .filter(old -> old.queue().equals(queue))
                .filter(old -> !sameMatch(old, after.get(old.player())))
                .map(WaitingPlayer::player)
                .toList();
    }

    /** Places of this queue in a match the player did not wait in before. */
    static List<WaitingPlayer> claimed(QueueName queue, Map<PlayerId, WaitingPlayer> before,
            Map<PlayerId, WaitingPlayer> after) {
        return after.values().stream()
                .filter(now -> now.queue().equals(queue))
                .filter(now -> !sameMatch(now, before.get(now.player())))
                .toList();
    }

    /** Places of this queue kept in the same match but with a new wait timer. */
    static List<WaitingPlayer> refreshed(QueueName queue, Map<PlayerId, WaitingPlayer> before,
            Map<PlayerId, WaitingPlayer> after) {
        return after.values().stream()
                .filter(now -> now.queue().equals(queue))
                .filter(now -> sameMatch(now, before.get(now.player())))
                .filter(now -> !now.equals(before.get(now.player())))
                .toList();
    }

    private static boolean sameMatch(WaitingPlayer a, WaitingPlayer b) {
        return a != null && b != null && a.matchId().equals(b.matchId());
    }
}
