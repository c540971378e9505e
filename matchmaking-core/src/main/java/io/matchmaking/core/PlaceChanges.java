package io.matchmaking.core;

import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.WaitingPlayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the waiting places of one queue before and after a unit into the net writes a store
 * applies. Places in other queues are never written by this queue's unit. Plain loops rather
 * than streams: this runs inside the queue's lock on every join.
 */
final class PlaceChanges {

    private PlaceChanges() {
    }

    /** Places of this queue that ended or moved to another match. */
    static List<PlayerId> released(QueueName queue, Map<PlayerId, WaitingPlayer> before,
            Map<PlayerId, WaitingPlayer> after) {
        List<PlayerId> released = new ArrayList<>();
        for (WaitingPlayer old : before.values()) {
            if (old.queue().equals(queue) && !sameMatch(old, after.get(old.player()))) {
                released.add(old.player());
            }
        }
        return List.copyOf(released);
    }

    /** Places of this queue in a match the player did not wait in before. */
    static List<WaitingPlayer> claimed(QueueName queue, Map<PlayerId, WaitingPlayer> before,
            Map<PlayerId, WaitingPlayer> after) {
        List<WaitingPlayer> claimed = new ArrayList<>();
        for (WaitingPlayer now : after.values()) {
            if (now.queue().equals(queue) && !sameMatch(now, before.get(now.player()))) {
                claimed.add(now);
            }
        }
        return List.copyOf(claimed);
    }

    /** Places of this queue kept in the same match but with a new wait timer. */
    static List<WaitingPlayer> refreshed(QueueName queue, Map<PlayerId, WaitingPlayer> before,
            Map<PlayerId, WaitingPlayer> after) {
        List<WaitingPlayer> refreshed = new ArrayList<>();
        for (WaitingPlayer now : after.values()) {
            WaitingPlayer old = before.get(now.player());
            if (now.queue().equals(queue) && sameMatch(now, old) && !now.equals(old)) {
                refreshed.add(now);
            }
        }
        return List.copyOf(refreshed);
    }

    private static boolean sameMatch(WaitingPlayer a, WaitingPlayer b) {
        return a != null && b != null && a.matchId().equals(b.matchId());
    }
}
