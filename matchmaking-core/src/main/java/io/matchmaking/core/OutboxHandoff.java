package io.matchmaking.core;

import io.matchmaking.core.event.HeldEvents;

/**
 * Takes the outbox events this instance has just committed, to deliver them at once without
 * claiming them ({@link MatchmakerBuilder#handOff}). It is called on the committing thread, so it
 * must only queue them; whatever it does not deliver within the claim falls due to any claimer
 * when the claim ends.
 */
@FunctionalInterface
public interface OutboxHandoff {

    /** {@code held} were committed, claimed by this instance. */
    void committed(HeldEvents held);
}
