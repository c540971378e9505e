package io.matchmaking.core;

import io.matchmaking.core.event.MatchmakingListener;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.QueueUnit;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The matchmaking use cases: joins (solo or as a party), leaves, reads and housekeeping, each
 * run as units of work on the queue's rules ({@link Queue}): first fit in arrival order, ready in
 * the same atomic step as the completing join, idempotent joins while waiting, leave, expiry and
 * retention. Thread-safe; every change runs as a unit of work of the
 * {@link MatchRepository}, so the rules hold across threads and, with a shared store, processes.
 *
 * <pre>{@code
 * Matchmaker matchmaker = Matchmaker.builder(new InMemoryMatchRepository()).build();
 * Match match = matchmaker.join(PlayerId.of("p1")).match();
 * }</pre>
 */
public final class Matchmaker implements JoinQueue, LeaveQueue, ReadMatches {

    private static final System.Logger LOG = System.getLogger(Matchmaker.class.getName());

    private final MatchRepository repository;
    private final MatchmakingRules rules;
    private final TimesOfRecord time;
    private final MatchIdGenerator matchIds;
    private final EventPublisher events;
    private final OpenQueues openQueues;
    private final RetryPolicy retryPolicy;
    private final RetryListener retryListener;
    private final ArrivalRates arrivals = new ArrivalRates();

    Matchmaker(MatchmakerBuilder builder) {
        this.repository = builder.repository;
        this.rules = builder.rules;
        this.time = new TimesOfRecord(builder.clock, builder.clockOverridesStore);
        this.matchIds = builder.matchIds;
        this.openQueues = new OpenQueues(builder.queueLimits);
        this.retryPolicy = builder.retryPolicy;
        this.retryListener = builder.retryListener;
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
        Attempts attempts = attemptsAt("the join of " + request.player());
        return settle(request, joinOne(request, attempts), attempts);
    }

    private JoinStep joinOne(JoinRequest request, Attempts attempts) {
        return joinUnit(request.queue(), List.of(request), attempts).get(0);
    }

    /** One unit of {@code queue} that places {@code requests} in their order. */
    private List<JoinStep> joinUnit(QueueName queue, List<JoinRequest> requests, Attempts attempts) {
        openQueues.admit(queue);
        List<PlayerId> players = new ArrayList<>(requests.size());
        Set<IdempotencyRecord.Id> keys = new LinkedHashSet<>();
        for (JoinRequest request : requests) {
            players.addAll(request.players());
            request.idempotencyId().ifPresent(keys::add);
        }
        return events.publish(attempts.run(() -> repository.inQueue(queue, unit -> {
            Queue state = queueOf(unit, queue, players, keys);
            List<JoinStep> steps = new ArrayList<>(requests.size());
            for (JoinRequest request : requests) {
                steps.add(state.join(request, matchIds));
            }
            return state.decided(steps);
        })));
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
                steps = joinUnit(queue, ofQueue, attemptsAt("the joins of queue " + queue));
            } catch (RuntimeException unitFailed) {
                indexes.forEach(index -> attempts[index] = JoinAttempt.failed(unitFailed));
                return;
            }
            for (int k = 0; k < indexes.size(); k++) {
                int index = indexes.get(k);
                try {
                    JoinRequest request = requests.get(index);
                    Attempts redirects = attemptsAt("the join of " + request.player());
                    attempts[index] = JoinAttempt.succeeded(settle(request, steps.get(k), redirects));
                } catch (RuntimeException redirectFailed) {
                    attempts[index] = JoinAttempt.failed(redirectFailed);
                }
            }
        });
        return List.of(attempts);
    }

    /** Follows a join whose player waits in another queue until it settles, on {@code attempts}. */
    private JoinResult settle(JoinRequest request, JoinStep step, Attempts attempts) {
        while (true) {
            if (step instanceof JoinStep.Settled settled) {
                return settled.result();
            }
            if (step instanceof JoinStep.Refused refused) {
                throw refused.failure();
            }
            QueueName elsewhere = ((JoinStep.WaitingElsewhere) step).queue();
            Optional<JoinStep> refreshed = events.publish(attempts.run(() -> repository.inQueue(elsewhere, unit -> {
                Queue state = queueOf(unit, elsewhere, request.players(), keysOf(request.idempotencyId()));
                return state.decided(state.refresh(request));
            })));
            step = refreshed.isPresent() ? refreshed.get() : joinOne(request, attempts);
        }
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
        Attempts attempts = attemptsAt("the leave of " + player);
        while (true) {
            Optional<WaitingPlayer> place = repository.findWaitingPlayer(player);
            if (place.isEmpty()) {
                return replayedLeave(request).orElseGet(LeaveResult.NotWaiting::new);
            }
            QueueName queue = place.get().queue();
            Optional<LeaveResult> result = events.publish(attempts.run(() -> repository.inQueue(queue, unit -> {
                Queue state = queueOf(unit, queue, List.of(player), keysOf(request.idempotencyId()));
                return state.decided(state.leave(request));
            })));
            if (result.isPresent()) {
                return result.get();
            }
        }
    }

    /** A fresh retry budget for one call. */
    private Attempts attemptsAt(String call) {
        return new Attempts(retryPolicy, retryListener, call);
    }

    /** {@code queue} as {@code unit} reads it, at the unit's time of record. */
    private Queue queueOf(QueueUnit unit, QueueName queue, Collection<PlayerId> players, Set<IdempotencyRecord.Id> keys) {
        return Queue.read(unit, queue, rules, time.of(unit), players, keys);
    }

    private static Set<IdempotencyRecord.Id> keysOf(Optional<IdempotencyRecord.Id> id) {
        return id.map(Set::of).orElse(Set.of());
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

    /**
     * How long until {@code match} is full, from its queue's arrival rate as the sweeps measured it;
     * empty for a ready match, or while the sweeps have not seen enough of its queue.
     */
    @Override
    public Optional<Duration> expectedWait(Match match) {
        return match.isReady() ? Optional.empty() : arrivals.untilFull(match);
    }

    /** Every queue with a waiting match: players waiting and the oldest wait, by queue name; read now. */
    @Override
    public List<QueueStatus> queues() {
        return QueueStatuses.of(repository.queues(), time.now(repository), arrivals);
    }

    /**
     * {@link #queues()} as the last {@link #sweep()} read them, without a read of the store: for
     * figures asked for often (metrics), which may be a sweep interval old. Empty before the first sweep.
     */
    @Override
    public List<QueueStatus> queuesAsLastSwept() {
        return openQueues.lastSwept();
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
        arrivals.observe(queues, now);
        openQueues.swept(QueueStatuses.of(queues, now, arrivals));
        for (QueueStats stats : queues) {
            if (Queue.needsExpiry(stats, rules, now)) {
                QueueName queue = stats.queue();
                try {
                    SweepReport report = events.publish(attemptsAt("the expiry of queue " + queue)
                            .run(() -> repository.inQueue(queue, unit -> {
                                Queue state = queueOf(unit, queue, List.of(), Set.of());
                                return state.decided(state.expire());
                            })));
                    expired += report.expiredPlayers();
                    deleted += report.deletedEmptyMatches();
                } catch (RuntimeException e) {
                    // one queue's failure must not stop the others, nor the purge that bounds storage
                    LOG.log(System.Logger.Level.WARNING, "sweep of queue " + queue + " failed", e);
                }
            }
        }
        // idempotent: a purge the store gave up on part way is run again whole
        int purged = attemptsAt("the purge").run(() -> repository.purgeReadyMatches(now.minus(rules.retention())));
        return new SweepReport(expired, purged, deleted);
    }
}
