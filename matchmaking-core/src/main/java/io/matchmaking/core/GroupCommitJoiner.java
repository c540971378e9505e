package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for joins: joins of a queue that arrive while a unit of that queue is running are
 * combined into the queue's next unit, so a store that pays per transaction (MySQL) commits many
 * joins at once.
 *
 * <p>Each queue has a lane with a leader of its own: it takes every join of its queue waiting at
 * that moment (at most {@code maxBatch}), runs them as one unit ({@link Matchmaker#joinEach}),
 * completes each caller's future, and goes on while joins wait. Lanes of different queues run on
 * different threads, so a lock wait or a slow unit in one queue delays no other queue (one leader
 * for every queue ran their units in a row: one stuck queue stalled them all). Callers hand a join
 * over with {@link #joinAsync} and need not keep a thread waiting. Leader threads come from a pool
 * and leave after a second without work, so an idle joiner holds no thread and needs no closing.
 * A caller is answered only after the commit that holds its join; a unit that fails fails every
 * join in it, and only those.
 */
public final class GroupCommitJoiner implements JoinQueue {

    private static final Duration LEADER_IDLE = Duration.ofSeconds(1);
    /**
     * Queues whose units may run at once. More wait for a thread; a store's connection pool bounds
     * how many can do anything at once anyway.
     */
    private static final int MOST_LEADERS = 256;

    private final Matchmaker matchmaker;
    private final int maxBatch;
    private final ConcurrentHashMap<QueueName, GroupCommitLane> lanes = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor leaders;

    /** Batches of at most {@code maxBatch} joins on {@code matchmaker}. */
    public GroupCommitJoiner(Matchmaker matchmaker, int maxBatch) {
        this.matchmaker = Objects.requireNonNull(matchmaker, "matchmaker");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max batch must be at least 1");
        }
        this.maxBatch = maxBatch;
        // an idle leader thread is reused, a new one made only when none is idle (a pool of fixed
        // core size made a new thread for every lane started until it had them all); with every
        // thread busy, the caller runs the lane itself
        this.leaders = new ThreadPoolExecutor(0, MOST_LEADERS, LEADER_IDLE.toMillis(), TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "group-commit");
                    // like a request thread, it never holds the JVM open
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Hands a join to the next unit of its queue; the future completes after that unit's commit,
     * with the join's result or with the failure {@link Matchmaker#join(JoinRequest)} would throw.
     * Dependent actions of the future run on the lane's leader thread: keep them short.
     */
    @Override
    public CompletableFuture<JoinResult> joinAsync(JoinRequest request) {
        PendingJoin pending = new PendingJoin(Objects.requireNonNull(request, "request"), new CompletableFuture<>());
        // added under the map's lock for the queue, which a lane's removal takes too: a join is never
        // left in a lane that has just been removed, so a queue never has two leaders at once
        GroupCommitLane lane = lanes.compute(request.queue(), (queue, current) -> {
            GroupCommitLane chosen = current != null ? current : new GroupCommitLane(queue, leaders, maxBatch, this::run,
                    this::removeIfIdle);
            chosen.add(pending);
            return chosen;
        });
        lane.startLeaderUnlessLeading();
        return pending.answer();
    }

    /** Joins as {@link Matchmaker#join(JoinRequest)} does, possibly in one unit with concurrent joins. */
    public JoinResult join(JoinRequest request) {
        try {
            // not interruptible: the join is in the leader's hands and will be answered
            return joinAsync(request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Removes {@code lane} unless a join came into it meanwhile; under the map's lock, as {@link #joinAsync} adds. */
    private void removeIfIdle(GroupCommitLane lane) {
        lanes.computeIfPresent(lane.queue(), (name, current) -> current == lane && lane.isEmpty() ? null : current);
    }

    private void run(List<PendingJoin> batch) {
        try {
            List<JoinAttempt> attempts = matchmaker.joinEach(batch.stream().map(PendingJoin::request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).settle(attempts.get(i));
            }
        } catch (RuntimeException | Error unexpected) {
            // never leave a caller waiting: whatever was not answered fails with the cause. An Error
            // goes to the callers (who report it) rather than ending the leader thread: the joins
            // waiting behind this batch still need one.
            RuntimeException failure = unexpected instanceof RuntimeException runtime ? runtime
                    : new MatchmakingException("group commit failed", unexpected);
            batch.forEach(pending -> pending.answer().completeExceptionally(failure));
        }
    }
}
