package io.matchmaking.core;

import io.matchmaking.core.event.MatchmakingListener;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one place that applies the matchmaking rules: first come first served, one waiting match
 * per queue, ready in the same atomic step as the completing join, idempotent joins while
 * waiting, leave, expiry and retention. Thread-safe; every change runs as a unit of work of the
 * {@link MatchRepository}, so the rules hold across threads and, with a shared store, processes.
 *
 * <pre>{@code
 * Matchmaker matchmaker = Matchmaker.builder(new InMemoryMatchRepository()).build();
 * Match match = matchmaker.join(PlayerId.of("p1")).match();
 * }</pre>
 */
public final class Matchmaker implements JoinQueue, LeaveQueue, ReadMatches {

    private static final System.Logger LOG = System.getLogger(Matchmaker.class.getName());

    /** How often a join chases a player who keeps moving between queues before giving up. */
    private static final int MAX_REDIRECTS = 8;

    private final MatchRepository repository;
    private final MatchmakingRules rules;
    private final TimesOfRecord time;
    private final MatchIdGenerator matchIds;
    private final EventPublisher events;
    private final OpenQueues openQueues;

    private Matchmaker(MatchmakerBuilder builder) {
        this.repository = builder.repository;
        this.rules = builder.rules;
        this.time = new TimesOfRecord(builder.clock, builder.clockOverridesStore);
        this.matchIds = builder.matchIds;
        this.openQueues = new OpenQueues(builder.queueLimits);
        List<MatchmakingListener> listeners = new ArrayList<>(builder.listeners);
        listeners.add(0, openQueues::changed);
        this.events = new EventPublisher(listeners);
    }

    /** Starts building a matchmaker on {@code repository}, with the default rules, system clock and random ids. */
    public static MatchmakerBuilder builder(MatchRepository repository) {
        return new MatchmakerBuilder(repository);
    }

    /** {@code player} joins the default queue. */
    public JoinResult join(PlayerId player) {
        return join(JoinRequest.of(player));
    }

    /** {@link #join(JoinRequest)}, answered before it returns: a failure is thrown, not a failed future. */
    @Override
    public CompletableFuture<JoinResult> joinAsync(JoinRequest request) {
        return CompletableFuture.completedFuture(join(request));
    }

    /** One join; see {@link #joinAll(List)}. */
    public JoinResult join(JoinRequest request) {
        // joinAll of one request without the grouping a batch needs: every join of the memory store comes here
        return settle(request, joinOne(request));
    }

    private JoinStep joinOne(JoinRequest request) {
        QueueName queue = request.queue();
        openQueues.admit(queue);
        return events.publish(repository.inQueue(queue,
                new JoinWork(queue, List.of(request), rules.matchSize(), time, matchIds))).get(0);
    }

    /**
     * Places players in the order given, one unit of work per queue, and answers each with the
     * match that holds them after their own join. A player who already waits keeps their place
     * (their wait timer restarts); a player whose last match is ready gets a new place. Units of
     * different queues commit independently; the first failure is thrown after all ran (use
     * {@link GroupCommitJoiner} for an answer per join).
     *
     * @return one result per request, in the same order
     */
    public List<JoinResult> joinAll(List<JoinRequest> requests) {
        List<JoinAttempt> attempts = joinEach(requests);
        for (JoinAttempt attempt : attempts) {
            if (attempt.failure() != null) {
                throw attempt.failure();
            }
        }
        return attempts.stream().map(JoinAttempt::result).toList();
    }

    /**
     * Like {@link #joinAll}, but answers each join on its own: a failure (a queue's unit that did
     * not commit, a player chased between queues) fails only the joins it concerns, so joins that
     * committed are never reported as failed.
     */
    List<JoinAttempt> joinEach(List<JoinRequest> requests) {
        Map<QueueName, List<Integer>> byQueue = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byQueue.computeIfAbsent(requests.get(i).queue(), queue -> new ArrayList<>()).add(i);
        }
        JoinAttempt[] attempts = new JoinAttempt[requests.size()];
        byQueue.forEach((queue, indexes) -> {
            List<JoinRequest> ofQueue = indexes.stream().map(requests::get).toList();
            List<JoinStep> steps;
            try {
                openQueues.admit(queue);
                steps = events.publish(repository.inQueue(queue,
                        new JoinWork(queue, ofQueue, rules.matchSize(), time, matchIds)));
            } catch (RuntimeException unitFailed) {
                indexes.forEach(index -> attempts[index] = JoinAttempt.failed(unitFailed));
                return;
            }
            for (int k = 0; k < indexes.size(); k++) {
                int index = indexes.get(k);
                try {
                    attempts[index] = JoinAttempt.succeeded(settle(requests.get(index), steps.get(k)));
                } catch (RuntimeException redirectFailed) {
                    attempts[index] = JoinAttempt.failed(redirectFailed);
                }
            }
        });
        return List.of(attempts);
    }

    private JoinResult settle(JoinRequest request, JoinStep step) {
        for (int attempt = 0; attempt < MAX_REDIRECTS; attempt++) {
            if (step instanceof JoinStep.Settled settled) {
                return settled.result();
            }
            if (step instanceof JoinStep.TooLate) {
                throw new DeadlineExceededException("the join of " + request.player());
            }
            if (step instanceof JoinStep.KeyReused reused) {
                throw new IdempotencyKeyReusedException(reused.firstRequest());
            }
            QueueName elsewhere = ((JoinStep.WaitingElsewhere) step).queue();
            Optional<JoinResult> refreshed = events.publish(
                    repository.inQueue(elsewhere, new RefreshWork(elsewhere, request, time)));
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
            step = joinOne(request);
        }
        throw new ConflictingUpdateException("player " + request.player() + " keeps moving between queues");
    }

    /** {@code player} leaves their waiting match; a ready match cannot be left. */
    public LeaveResult leave(PlayerId player) {
        return leave(LeaveRequest.of(player));
    }

    /**
     * The player leaves their waiting match, unless the unit cannot start before the request's
     * deadline ({@link DeadlineExceededException}: nothing changed). A leave repeated with the key of
     * an earlier one answers that leave's match as it is now.
     */
    @Override
    public LeaveResult leave(LeaveRequest request) {
        PlayerId player = request.player();
        for (int attempt = 0; attempt < MAX_REDIRECTS; attempt++) {
            Optional<WaitingPlayer> place = repository.findWaitingPlayer(player);
            if (place.isEmpty()) {
                return replayedLeave(request).orElseGet(LeaveResult.NotWaiting::new);
            }
            QueueName queue = place.get().queue();
            Optional<LeaveResult> result = events.publish(
                    repository.inQueue(queue, new LeaveWork(queue, request, time)));
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new ConflictingUpdateException("player " + player + " keeps moving between queues");
    }

    /**
     * A keyed leave of a player who waits nowhere: if its key was served, by this leave's first
     * attempt most likely, that leave's match as it is now.
     */
    private Optional<LeaveResult> replayedLeave(LeaveRequest request) {
        return request.idempotencyId().flatMap(repository::findIdempotencyRecord).flatMap(earlier -> {
            if (!earlier.request().equals(LeaveRequest.ASKED)) {
                throw new IdempotencyKeyReusedException(earlier.request());
            }
            return repository.findMatch(earlier.match()).map(LeaveResult.Left::new);
        });
    }

    @Override
    public Optional<Match> findMatch(MatchId id) {
        return repository.findMatch(id);
    }

    @Override
    public List<Match> findMatches(Collection<MatchId> ids) {
        return repository.findMatches(ids);
    }

    @Override
    public Optional<Match> findPlayerMatch(PlayerId player) {
        return repository.findCurrentMatchOf(player);
    }

    /** Every queue with a waiting match: players waiting and the oldest wait, by queue name; read now. */
    @Override
    public List<QueueStatus> queues() {
        return statuses(repository.queues(), time.now(repository));
    }

    /**
     * {@link #queues()} as the last {@link #sweep()} read them, without a read of the store: for
     * figures asked for often (metrics), which may be a sweep interval old. Empty before the first sweep.
     */
    @Override
    public List<QueueStatus> queuesAsLastSwept() {
        return openQueues.lastSwept();
    }

    private static List<QueueStatus> statuses(List<QueueStats> queues, Instant now) {
        return queues.stream()
                .map(stats -> new QueueStatus(stats.waitingMatch().queue(), stats.places().size(), oldestWait(stats, now)))
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
     * One housekeeping pass: expires waiting players past the wait timeout, deletes waiting
     * matches left empty past the retention, purges ready matches past the retention. Only
     * queues that have something to do are locked. What it read of the queues is kept for
     * {@link #queuesAsLastSwept()} and the queue cap ({@link QueueLimits}).
     */
    public SweepReport sweep() {
        Instant now = time.now(repository);
        int expired = 0;
        int deleted = 0;
        List<QueueStats> queues = repository.queues();
        openQueues.swept(statuses(queues, now));
        for (QueueStats stats : queues) {
            if (needsSweep(stats, now)) {
                QueueName queue = stats.waitingMatch().queue();
                try {
                    SweepReport report = events.publish(repository.inQueue(queue, new SweepWork(queue, rules, time)));
                    expired += report.expiredPlayers();
                    deleted += report.deletedEmptyMatches();
                } catch (RuntimeException e) {
                    // one queue's failure must not stop the others, nor the purge that bounds storage
                    LOG.log(System.Logger.Level.WARNING, "sweep of queue " + queue + " failed", e);
                }
            }
        }
        int purged = repository.purgeReadyMatches(now.minus(rules.retention()));
        return new SweepReport(expired, purged, deleted);
    }

    private boolean needsSweep(QueueStats stats, Instant now) {
        if (stats.places().isEmpty()) {
            return !stats.waitingMatch().updatedAt().plus(rules.retention()).isAfter(now);
        }
        Instant cutoff = now.minus(rules.waitTimeout());
        return rules.expiresWaitingPlayers()
                && stats.places().stream().anyMatch(place -> place.lastJoinAt().isBefore(cutoff));
    }

    /** Builds a {@link Matchmaker}; every setting but the repository has a default. */
    public static final class MatchmakerBuilder {

        private final MatchRepository repository;
        private MatchmakingRules rules = MatchmakingRules.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private boolean clockOverridesStore;
        private MatchIdGenerator matchIds = MatchIdGenerator.randomUuids();
        private QueueLimits queueLimits = QueueLimits.DEFAULT;
        private final List<MatchmakingListener> listeners = new ArrayList<>();

        private MatchmakerBuilder(MatchRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        /** Match size, wait timeout and retention; {@link MatchmakingRules#DEFAULT} otherwise. */
        public MatchmakerBuilder rules(MatchmakingRules value) {
            this.rules = Objects.requireNonNull(value, "rules");
            return this;
        }

        /**
         * This instance's clock, for the times of record of a store that has no clock of its own (the
         * memory store); a shared database's clock is used instead, so skewed instances agree.
         */
        public MatchmakerBuilder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * {@link #clock}'s times rule over the store's too: for tests that drive a manual clock on a
         * database store. Instances that share a database must not override it.
         */
        public MatchmakerBuilder clockOverridesStore(boolean value) {
            this.clockOverridesStore = value;
            return this;
        }

        /** Where new match ids come from. */
        public MatchmakerBuilder matchIds(MatchIdGenerator value) {
            this.matchIds = Objects.requireNonNull(value, "matchIds");
            return this;
        }

        /** Which queues joins may name; {@link QueueLimits#DEFAULT} otherwise. */
        public MatchmakerBuilder queueLimits(QueueLimits value) {
            this.queueLimits = Objects.requireNonNull(value, "queueLimits");
            return this;
        }

        /** Adds a listener for committed changes; may be called more than once. */
        public MatchmakerBuilder listener(MatchmakingListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** The matchmaker. */
        public Matchmaker build() {
            return new Matchmaker(this);
        }
    }
}
