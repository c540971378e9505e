package io.matchmaking.core;

import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The figures of {@link ReadMatches#queues()}, from what a store reads of its queues. */
final class QueueStatuses {

    private QueueStatuses() {
    }

    /** Players waiting and the oldest wait of each queue, by queue name. */
    static List<QueueStatus> of(List<QueueStats> queues, Instant now) {
        return queues.stream()
                .map(stats -> new QueueStatus(stats.queue(), stats.places().size(),
                        oldestWait(stats, now)))
                .sorted(Comparator.comparing(status -> status.queue().value()))
                .toList();
    }

    private static Duration oldestWait(QueueStats stats, Instant now) {
        return stats.places().stream()
                .map(WaitingPlayer::joinedAt)
                .min(Comparator.naturalOrder())
                .map(joinedAt -> Duration.between(joinedAt, now))
                .filter(wait -> !wait.isNegative())
                .orElse(Duration.ZERO);
    }
}
