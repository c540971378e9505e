package io.matchmaking.core;

import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.MatchmakingListener;
import java.lang.System.Logger.Level;
import java.util.List;

/** Hands committed events to every listener; one failing listener neither stops the others nor the caller. */
final class EventPublisher {

    private static final System.Logger LOG = System.getLogger(EventPublisher.class.getName());

    private final List<MatchmakingListener> listeners;

    EventPublisher(List<MatchmakingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    <R> R publish(Decision<R> decision) {
        for (MatchmakingEvent event : decision.events()) {
            for (MatchmakingListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "listener " + listener + " failed on " + event.getClass().getSimpleName(), e);
                }
            }
        }
        return decision.result();
    }
}
