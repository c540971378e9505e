package io.matchmaking.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.matchmaking.core.QueueStatus;
import java.util.List;

/** {@code GET /queues}: every queue with a waiting match. */
record QueuesView(@JsonProperty("queues") List<QueueView> queues) {

    /**
     * One queue.
     *
     * @param queue              its name
     * @param playersWaiting     players in its waiting match
     * @param oldestWaitSeconds  how long the longest-waiting of them has waited
     * @param expectedWaitSeconds how long a player who joins alone now can expect to wait; null without data
     */
    record QueueView(
            @JsonProperty("queue") String queue,
            @JsonProperty("players_waiting") int playersWaiting,
            @JsonProperty("oldest_wait_seconds") long oldestWaitSeconds,
            @JsonProperty("expected_wait_seconds") Long expectedWaitSeconds) {
    }

    static QueuesView of(List<QueueStatus> statuses) {
        return new QueuesView(statuses.stream()
                .map(s -> new QueueView(s.queue().value(), s.playersWaiting(), s.oldestWait().toSeconds(),
                        PlayerPlaceView.seconds(s.expectedWait())))
                .toList());
    }
}
