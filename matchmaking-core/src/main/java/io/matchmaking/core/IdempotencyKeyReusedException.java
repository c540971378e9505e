package io.matchmaking.core;

/**
 * A request carried an idempotency key its player already used for another request (a join of
 * another queue, a leave instead of a join): nothing changed (HTTP 422).
 */
public class IdempotencyKeyReusedException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    /** The key was first used for {@code firstRequest}. */
    public IdempotencyKeyReusedException(String firstRequest) {
        super("this Idempotency-Key was used for another request (" + firstRequest + ")");
    }
}
