package io.matchmaking.core;

import io.matchmaking.core.event.HeldEvents;
import io.matchmaking.core.event.MatchmakingEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a unit of work answers inside the core: its result, the events to publish once the store
 * has committed it (never before, so a listener cannot see a change that was rolled back), and
 * the outbox events it holds for this instance to deliver.
 */
record Decision<R>(R result, List<MatchmakingEvent> events, HeldEvents held) {

    Decision {
        events = List.copyOf(events);
        Objects.requireNonNull(held, "held");
    }

    Decision(R result, List<MatchmakingEvent> events) {
        this(result, events, HeldEvents.NONE);
    }

    static <R> Decision<R> quiet(R result) {
        return new Decision<>(result, List.of());
    }

    /** This decision, holding {@code value}. */
    Decision<R> holding(HeldEvents value) {
        return new Decision<>(result, events, value);
    }
}
