package io.matchmaking.core;

/**
 * The store answers but refuses this server's settings: a wrong user name or password, a database
 * that does not exist, missing privileges. Unlike {@link StoreUnavailableException}, waiting and
 * retrying will not help; an operator has to change the configuration.
 */
public class StoreRefusedException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    /** The store refused as {@code message} says, because of {@code cause}. */
    public StoreRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
