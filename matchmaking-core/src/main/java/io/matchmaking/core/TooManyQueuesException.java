package io.matchmaking.core;

/**
 * A join would open a queue beyond {@link QueueLimits#maxOpenQueues}; nothing changed. It may
 * succeed later, once matches fill or players leave.
 */
public class TooManyQueuesException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    public TooManyQueuesException(int most) {
        super("too many queues have waiting players (at most " + most + "), retry later or join an open queue");
    }
}
