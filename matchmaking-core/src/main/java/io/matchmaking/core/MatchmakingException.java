package io.matchmaking.core;

/**
 * The root of every unexpected failure the core or a store throws. Expected outcomes (a player
 * not waiting, a match not found) are values, never exceptions.
 */
public class MatchmakingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public MatchmakingException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public MatchmakingException(String message, Throwable cause) {
        super(message, cause);
    }
}
