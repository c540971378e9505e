package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The figures of {@link ReadMatches#queues()}, from what a store reads of its queues. */
final class QueueStatuses {

    private QueueStatuses() {
    }

    /** Players waiting, the oldest wait and the expected wait of each queue, by queue name. */
    static List<QueueStatus> of(List<QueueStats> queues, Instant now, ArrivalRates rates) {
        return queues.stream()
                .map(stats -> new QueueStatus(stats.queue(), stats.places().size(), oldestWait(stats, now),
                        expectedWait(stats, rates)))
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

    /**
     * A player joining alone now takes a seat of the oldest waiting match, and waits for the
     * players who fill the seats left after theirs (none: their join makes it ready).
     */
    private static Optional<Duration> expectedWait(QueueStats stats, ArrivalRates rates) {
        Optional<Match> first = stats.waitingMatches().stream().findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        int after = first.get().seatsLeft() - 1;
        return after == 0 ? Optional.of(Duration.ZERO) : rates.timeFor(stats.queue(), after);
    }
}
