package io.matchmaking.core;

import io.matchmaking.core.event.MatchmakingEvent;
import java.util.List;

/**
 * What a unit of work answers inside the core: its result and the events to publish once the
 * store has committed it (never before, so a listener cannot see a change that was rolled back).
 */
record Decision<R>(R result, List<MatchmakingEvent> events) {

    Decision {
        events = List.copyOf(events);
    }

    static <R> Decision<R> quiet(R result) {
        return new Decision<>(result, List.of());
    }
}
