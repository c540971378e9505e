package io.matchmaking.core;

import io.matchmaking.core.event.MatchmakingListener;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    private final MatchRepository repository;
    private final TimesOfRecord time;
    private final OpenQueues openQueues;
    private final ArrivalRates arrivals = new ArrivalRates();
    private final QueueSteps units;
    private final Joins joins;
    private final Housekeeping housekeeping;
    private final Optional<PendingEvents> pendingEvents;

    Matchmaker(MatchmakerBuilder builder) {
        this.repository = builder.repository;
        this.time = new TimesOfRecord(builder.clock, builder.clockOverridesStore);
        this.openQueues = new OpenQueues(builder.queueLimits);
        List<MatchmakingListener> listeners = new ArrayList<>(builder.listeners);
        listeners.add(0, openQueues::changed);
        this.units = new QueueSteps(repository, builder.rules, time, new EventPublisher(listeners),
                builder.retryPolicy, builder.retryListener, new OutboxSelection(builder.outbox, builder.outboxClaim, builder.outboxHandoff));
        this.pendingEvents = builder.outbox.isEmpty() ? Optional.empty()
                : repository.outbox().map(outbox -> new OutboxDelivery(outbox, repository, time));
        this.joins = new Joins(units, builder.matchIds, openQueues);
        this.housekeeping = new Housekeeping(repository, units, builder.rules, time, arrivals, openQueues);
    }

    /** Starts building a matchmaker on {@code repository}, with the default rules, system clock and random ids. */
    public static MatchmakerBuilder builder(MatchRepository repository) {
        return new MatchmakerBuilder(repository);
    }

    /**
     * The events written to the outbox, for whatever delivers them; empty unless the builder chose
     * some ({@link MatchmakerBuilder#outbox}).
     */
    public Optional<PendingEvents> pendingEvents() {
        return pendingEvents;
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
        return joins.join(request);
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
        return joins.joinEach(requests);
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
        Set<IdempotencyRecord.Id> keys = request.idempotencyId().map(Set::of).orElse(Set.of());
        Attempts attempts = units.attemptsOf("the leave of " + player);
        while (true) {
            Optional<WaitingPlayer> place = repository.findWaitingPlayer(player);
            if (place.isEmpty()) {
                return replayedLeave(request).orElseGet(LeaveResult.NotWaiting::new);
            }
            Optional<LeaveResult> result = units.run(place.get().queue(), List.of(player), keys, attempts,
                    state -> state.leave(request));
            if (result.isPresent()) {
                return result.get();
            }
        }
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
        return housekeeping.sweep();
    }
}
