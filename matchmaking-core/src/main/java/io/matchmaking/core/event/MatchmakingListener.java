package io.matchmaking.core.event;

/**
 * The port for whoever reacts to changes: metrics, long-poll notification, game-server hand-off.
 * Called on the thread that committed the change, after the commit; keep it quick. An exception
 * it throws is logged and does not undo or fail the change.
 */
@FunctionalInterface
public interface MatchmakingListener {

    /** Reacts to one committed change. */
    void onEvent(MatchmakingEvent event);
}
