package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.QueueStats;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The sweep: what it reads of the queues feeds the arrival rates and the queue cap; only queues
 * with something to expire are locked; one queue's failure stops neither the others nor the purge
 * that bounds storage.
 */
final class Housekeeping {

    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final MatchRepository repository;
    private final QueueSteps units;
    private final MatchmakingRules rules;
    private final TimesOfRecord time;
    private final ArrivalRates arrivals;
    private final OpenQueues openQueues;

    Housekeeping(MatchRepository repository, QueueSteps units, MatchmakingRules rules, TimesOfRecord time,
            ArrivalRates arrivals, OpenQueues openQueues) {
        this.repository = repository;
        this.units = units;
        this.rules = rules;
        this.time = time;
        this.arrivals = arrivals;
        this.openQueues = openQueues;
    }

    SweepReport sweep() {
        Instant now = time.now(repository);
        int expired = 0;
        int deleted = 0;
        List<QueueStats> queues = repository.queues();
        arrivals.observe(queues, now);
        openQueues.swept(QueueStatuses.of(queues, now, arrivals));
        WaitTimers timers = new WaitTimers(rules, now);
        for (QueueStats stats : queues) {
            // only queues where the expiry would change something are locked
            if (timers.anyDue(stats)) {
                QueueName queue = stats.queue();
                try {
                    SweepReport report = units.run(queue, List.of(), Set.of(),
                            units.attemptsOf("the expiry of queue " + queue), Queue::expire);
                    expired += report.expiredPlayers();
                    deleted += report.deletedEmptyMatches();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "sweep of queue " + queue + " failed", e);
                }
            }
        }
        // idempotent: a purge the store gave up on part way is run again whole
        int purged = units.attemptsOf("the purge").run(() -> repository.purgeReadyMatches(now.minus(rules.retention())));
        return new SweepReport(expired, purged, deleted);
    }
}
