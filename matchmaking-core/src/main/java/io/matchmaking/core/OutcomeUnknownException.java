package io.matchmaking.core;

/**
 * The store was asked to commit a change and cannot tell whether it did: the answer to the commit
 * was lost and the truth could not be read back in time. The change may or may not have taken
 * effect, so this is never reported as "did not take effect" (HTTP 504, not 503); the caller looks
 * the outcome up, or repeats the request with the same idempotency key.
 */
public class OutcomeUnknownException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    /** The outcome of {@code what} is unknown, because of {@code cause}. */
    public OutcomeUnknownException(String what, Throwable cause) {
        super(what + ": the commit's answer was lost and its outcome could not be read back", cause);
    }
}
