package io.matchmaking.core;

/**
 * A request's {@link Deadline} passed before its unit of work started: it did not take effect and
 * never will (HTTP 503 with Retry-After). The store is not necessarily down: the queue was busy, or
 * the request waited for a thread.
 */
public class DeadlineExceededException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    /** The request of {@code what} waited past its deadline. */
    public DeadlineExceededException(String what) {
        super(what + " waited past its deadline before it could run; it did not take effect");
    }
}
