package io.matchmaking.core.testkit;

import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.MatchmakingListener;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps every event it is given, from any thread. */
public final class RecordingListener implements MatchmakingListener {

    private final ConcurrentLinkedQueue<MatchmakingEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onEvent(MatchmakingEvent event) {
        events.add(event);
    }

    /** The events so far, in the order they were published. */
    public List<MatchmakingEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type so far. */
    public <E extends MatchmakingEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
