package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;

/** A join named a queue outside the allow-list ({@link QueueLimits#allowed}); nothing changed. */
public class QueueNotAllowedException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    public QueueNotAllowedException(QueueName queue) {
        super("queue " + queue + " is not one of this server's queues");
    }
}
