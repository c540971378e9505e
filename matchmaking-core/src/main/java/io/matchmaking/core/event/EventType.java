package io.matchmaking.core.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of event an outbox records: one per kind of {@link MatchmakingEvent}, and
 * {@link #MATCH_UPDATED}, which tells of a change to a waiting match as a whole.
 */
public enum EventType {

    /** A match became ready ({@link MatchReady}). */
    MATCH_READY,
    /** A player took a new place ({@link PlayerQueued}). */
    PLAYER_QUEUED,
    /** A player left ({@link PlayerLeft}). */
    PLAYER_LEFT,
    /** A player's wait timed out ({@link PlayerExpired}). */
    PLAYER_EXPIRED,
    /**
     * The players of a match that still waits changed: someone took a place in it, left it or
     * timed out. One per match per committed change, with the match as it is after the whole
     * change, so a receiver that mirrors {@code GET /status} needs no other event. A match that
     * became ready is told of by {@link #MATCH_READY} instead.
     */
    MATCH_UPDATED;

    /** The kind of {@code event} itself. */
    public static EventType of(MatchmakingEvent event) {
        if (event instanceof MatchReady) {
            return MATCH_READY;
        }
        if (event instanceof PlayerQueued) {
            return PLAYER_QUEUED;
        }
        if (event instanceof PlayerLeft) {
            return PLAYER_LEFT;
        }
        if (event instanceof PlayerExpired) {
            return PLAYER_EXPIRED;
        }
        throw new IllegalArgumentException("unknown event " + event.getClass().getSimpleName());
    }

    /** Every kind that tells of {@code event}: its own, and {@link #MATCH_UPDATED} if it changed a waiting match. */
    public static Set<EventType> tellingOf(MatchmakingEvent event) {
        EventType own = of(event);
        return updatesWaitingMatch(event) ? EnumSet.of(own, MATCH_UPDATED) : EnumSet.of(own);
    }

    /** Whether {@code event} is a player's change to a match that still waits after it. */
    public static boolean updatesWaitingMatch(MatchmakingEvent event) {
        return !(event instanceof MatchReady) && !event.match().isReady();
    }
}
