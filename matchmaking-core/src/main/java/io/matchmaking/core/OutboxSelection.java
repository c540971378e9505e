package io.matchmaking.core;

import io.matchmaking.core.event.EventType;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.store.WorkResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which of a unit's events also go to the store's outbox, each with an id of its own, so they are
 * committed with the change or not at all. With none chosen a unit writes nothing more.
 */
final class OutboxSelection {

    private final Set<EventType> types;

    OutboxSelection(Set<EventType> types) {
        this.types = types.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(types);
    }

    /** {@code decided} with its chosen events added to the changes it commits. */
    <R> WorkResult<Decision<R>> adding(WorkResult<Decision<R>> decided) {
        if (types.isEmpty()) {
            return decided;
        }
        List<OutboxEvent> sent = new ArrayList<>();
        // A party's join or leave changes one match several times in a unit: it is updated once, as it ends.
        Map<MatchId, MatchmakingEvent> lastChanges = new LinkedHashMap<>();
        for (MatchmakingEvent event : decided.answer().events()) {
            if (types.contains(EventType.of(event))) {
                sent.add(OutboxEvent.of(newId(), event));
            }
            if (types.contains(EventType.MATCH_UPDATED) && EventType.updatesWaitingMatch(event)) {
                lastChanges.put(event.match().id(), event);
            }
        }
        lastChanges.values().forEach(last -> sent.add(OutboxEvent.matchUpdated(newId(), last.match(), last.at())));
        return sent.isEmpty() ? decided : new WorkResult<>(decided.changes().sending(sent), decided.answer());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
