package io.matchmaking.core;

import io.matchmaking.core.event.EventType;
import io.matchmaking.core.event.HeldEvents;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.store.WorkResult;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which of a unit's events also go to the store's outbox, each with an id of its own, so they are
 * committed with the change or not at all, and who delivers them first. With none chosen a unit
 * writes nothing more. With a handoff they are written claimed by this instance and handed to it
 * once committed, so delivering them costs the store no claim; else they are due at once.
 */
final class OutboxSelection {

    private static final System.Logger LOG = System.getLogger(OutboxSelection.class.getName());

    private final Set<EventType> types;
    private final Duration claim;
    private final OutboxHandoff handoff;

    /** {@code types} go to the outbox, claimed for {@code claim} and handed to {@code handoff} once committed. */
    OutboxSelection(Set<EventType> types, Duration claim, OutboxHandoff handoff) {
        this.types = types.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(types);
        this.claim = claim;
        this.handoff = handoff;
    }

    /**
     * {@code decided} with its chosen events added to the changes it commits, and held for the
     * handoff; {@code claimedSince} is {@link System#nanoTime()} before the unit began.
     */
    <R> WorkResult<Decision<R>> adding(WorkResult<Decision<R>> decided, long claimedSince) {
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
        if (sent.isEmpty()) {
            return decided;
        }
        Decision<R> answer = claim.isZero() ? decided.answer() : decided.answer().holding(new HeldEvents(sent, claimedSince));
        return new WorkResult<>(decided.changes().sending(sent, claim), answer);
    }

    /** Hands the events {@code committed} holds on; a handoff that fails leaves them to the claim's end. */
    void handOff(Decision<?> committed) {
        if (committed.held().events().isEmpty()) {
            return;
        }
        try {
            handoff.committed(committed.held());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox handoff " + handoff + " failed; its events are due once their claim ends", e);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
