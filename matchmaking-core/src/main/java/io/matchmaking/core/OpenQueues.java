package io.matchmaking.core;

import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.QueueName;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The queues this instance knows to have waiting players, and the figures of each as the last
 * sweep read them: what {@link QueueLimits} admits against and what metrics publish, with no read
 * of the store per join or per scrape. Kept current by this instance's own changes between sweeps;
 * other instances' changes arrive with the next sweep, so across instances the cap holds to within
 * what they open in one sweep interval.
 */
final class OpenQueues {

    private final QueueLimits limits;
    private final Set<QueueName> open = ConcurrentHashMap.newKeySet();
    private volatile List<QueueStatus> lastSwept = List.of();

    OpenQueues(QueueLimits limits) {
        this.limits = limits;
    }

    /** Refuses a join that names a queue outside the allow-list, or would open one past the cap. */
    void admit(QueueName queue) {
        if (limits.allowed().isPresent()) {
            if (!limits.allowed().get().contains(queue)) {
                throw new QueueNotAllowedException(queue);
            }
        } else if (!open.contains(queue) && open.size() >= limits.maxOpenQueues()) {
            throw new TooManyQueuesException(limits.maxOpenQueues());
        }
    }

    /** A committed change: its queue is open while its waiting match holds players. */
    void changed(MatchmakingEvent event) {
        Match match = event.match();
        if (match.isReady() || match.players().isEmpty()) {
            open.remove(match.queue());
        } else {
            open.add(match.queue());
        }
    }

    /** What a sweep read: every queue's figures, all instances' changes included. */
    void swept(List<QueueStatus> queues) {
        lastSwept = List.copyOf(queues);
        Set<QueueName> waiting = queues.stream().filter(queue -> queue.playersWaiting() > 0)
                .map(QueueStatus::queue).collect(Collectors.toSet());
        open.retainAll(waiting);
        open.addAll(waiting);
    }

    List<QueueStatus> lastSwept() {
        return lastSwept;
    }
}
