package io.matchmaking.core;

/**
 * The store could not be reached or gave up (connection refused, pool timeout, retries of
 * deadlocks exhausted). The change did not happen; the caller may try again later (HTTP 503).
 */
public class StoreUnavailableException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    /** The store failed as {@code message} says. */
    public StoreUnavailableException(String message) {
        super(message);
    }

    /** The store failed as {@code message} says, because of {@code cause}. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
