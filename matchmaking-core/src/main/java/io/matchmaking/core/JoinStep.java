package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;

/** One join's outcome inside a unit of its queue: settled, the player waits in another queue, or too late to run. */
sealed interface JoinStep {

    /** The join is answered. */
    record Settled(JoinResult result) implements JoinStep {
    }

    /** The player already waits in {@code queue}: that queue's unit must answer (and refresh) it. */
    record WaitingElsewhere(QueueName queue) implements JoinStep {
    }

    /** The join's deadline passed before its unit started: it changed nothing and never will. */
    record TooLate() implements JoinStep {
    }

    /** The join's idempotency key was used for {@code firstRequest}: it changed nothing. */
    record KeyReused(String firstRequest) implements JoinStep {
    }
}
