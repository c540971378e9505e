package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;

/** One join's outcome inside a unit of its queue: settled, the player waits in another queue, or refused. */
sealed interface JoinStep {

    /** The join is answered. */
    record Settled(JoinResult result) implements JoinStep {
    }

    /** The player already waits in {@code queue}: that queue's unit must answer (and refresh) it. */
    record WaitingElsewhere(QueueName queue) implements JoinStep {
    }

    /** The join changed nothing and never will, for the reason {@code failure} gives its caller. */
    record Refused(MatchmakingException failure) implements JoinStep {
    }
}
