package io.matchmaking.core;

/**
 * Concurrent requests for the same player kept overtaking each other (for example joins of one
 * player to two queues at once, over and over), and the core stopped retrying. Nothing changed
 * for this request; it may be repeated (HTTP 409).
 */
public class ConflictingUpdateException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    /** The conflict described by {@code message}. */
    public ConflictingUpdateException(String message) {
        super(message);
    }
}
