package io.matchmaking.core.event;

/** The kinds of {@link MatchmakingEvent}, as an outbox records which of them go out. */
public enum EventType {

    /** A match became ready ({@link MatchReady}). */
    MATCH_READY,
    /** A player took a new place ({@link PlayerQueued}). */
    PLAYER_QUEUED,
    /** A player left ({@link PlayerLeft}). */
    PLAYER_LEFT,
    /** A player's wait timed out ({@link PlayerExpired}). */
    PLAYER_EXPIRED;

    /** The kind of {@code event}. */
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
}
