package io.matchmaking.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit for joins: joins that arrive while a unit of work is running are combined into
 * the next unit of their queue, so a store that pays per transaction (MySQL) commits many joins
 * at once.
 *
 * <p>One leader thread runs the units: it takes every join waiting at that moment (at most
 * {@code maxBatch}; {@link Matchmaker#joinEach}, one unit per queue, in arrival order), completes
 * each caller's future, and goes on while joins wait. Callers hand a join over with
 * {@link #joinAsync} and need not keep a thread waiting: a server answers the request when the
 * future completes, so nobody is woken only to be handed an answer. The leader thread is started
 * by the first join and leaves after a second without work, so an idle joiner holds no thread and
 * needs no closing. A caller is answered only after the commit that holds its join; a unit that
 * fails fails every join in it, and only those.
 */
public final class GroupCommitJoiner {

    private static final Duration LEADER_IDLE = Duration.ofSeconds(1);

    private final Matchmaker matchmaker;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean leading = new AtomicBoolean();
    private final ThreadPoolExecutor leader;

    /** Batches of at most {@code maxBatch} joins on {@code matchmaker}. */
    public GroupCommitJoiner(Matchmaker matchmaker, int maxBatch) {
        this.matchmaker = Objects.requireNonNull(matchmaker, "matchmaker");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max batch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.leader = new ThreadPoolExecutor(1, 1, LEADER_IDLE.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "group-commit");
                    // like a request thread, it never holds the JVM open
                    thread.setDaemon(true);
                    return thread;
                });
        leader.allowCoreThreadTimeOut(true);
    }

    /**
     * Hands a join to the next unit of its queue; the future completes after that unit's commit,
     * with the join's result or with the failure {@link Matchmaker#join(JoinRequest)} would throw.
     * Dependent actions of the future run on the leader thread: keep them short.
     */
    public CompletableFuture<JoinResult> joinAsync(JoinRequest request) {
        Pending pending = new Pending(Objects.requireNonNull(request, "request"), new CompletableFuture<>());
        waiting.add(pending);
        startLeaderUnlessLeading();
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

    private void startLeaderUnlessLeading() {
        if (!leading.compareAndSet(false, true)) {
            return;
        }
        try {
            leader.execute(this::lead);
        } catch (RuntimeException | Error cannotStart) {
            // no thread (out of memory or threads): nobody would ever answer what waits
            leading.set(false);
            RuntimeException failure = new MatchmakingException("group commit cannot start its thread", cannotStart);
            for (Pending next = waiting.poll(); next != null; next = waiting.poll()) {
                next.answer().completeExceptionally(failure);
            }
            throw cannotStart;
        }
    }

    /** Runs batches while joins wait, then leaves; a join that came meanwhile starts the next leader. */
    private void lead() {
        try {
            for (List<Pending> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
                run(batch);
            }
        } finally {
            leading.set(false);
            // a join added after the last poll, while this thread still led, left its start to us
            if (!waiting.isEmpty()) {
                startLeaderUnlessLeading();
            }
        }
    }

    private List<Pending> nextBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = waiting.poll(); next != null; next = batch.size() < maxBatch ? waiting.poll() : null) {
            batch.add(next);
        }
        return batch;
    }

    private void run(List<Pending> batch) {
        try {
            List<JoinAttempt> attempts = matchmaker.joinEach(batch.stream().map(Pending::request).toList());
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

    /** One caller's join and the future that answers it. */
    private record Pending(JoinRequest request, CompletableFuture<JoinResult> answer) {

        void settle(JoinAttempt attempt) {
            if (attempt.failure() != null) {
                answer.completeExceptionally(attempt.failure());
            } else {
                answer.complete(attempt.result());
            }
        }
    }
}
