package io.matchmaking.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit for joins: joins that arrive while a unit of work is running are combined into
 * the next unit of their queue, so a store that pays per transaction (MySQL) commits many joins
 * at once.
 *
 * <p>No thread of its own. The first caller to find nobody leading becomes the leader: it runs
 * every join waiting at that moment ({@link Matchmaker#joinAll}, one unit per queue, in arrival
 * order), answers each caller, and hands leadership to the oldest join that arrived meanwhile.
 * Followers sleep until answered. A caller is answered only after the commit that holds its join;
 * a unit that fails fails every join in it, and only those.
 */
public final class GroupCommitJoiner {

    private final Matchmaker matchmaker;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean leading = new AtomicBoolean();

    /** Batches of at most {@code maxBatch} joins on {@code matchmaker}. */
    public GroupCommitJoiner(Matchmaker matchmaker, int maxBatch) {
        this.matchmaker = Objects.requireNonNull(matchmaker, "matchmaker");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max batch must be at least 1");
        }
        this.maxBatch = maxBatch;
    }

    /** Joins as {@link Matchmaker#join(JoinRequest)} does, possibly in one unit with concurrent joins. */
    public JoinResult join(JoinRequest request) {
        Pending mine = new Pending(Objects.requireNonNull(request, "request"));
        waiting.add(mine);
        if (leading.compareAndSet(false, true)) {
            lead();
        }
        boolean interrupted = false;
        while (!mine.answered) {
            if (mine.promoted) {
                mine.promoted = false;
                lead();
            } else {
                LockSupport.park(this);
                // the join is in a leader's hands and will be answered: remember the interrupt, keep waiting
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** Runs one batch, then passes leadership on (or drops it when nobody waits). */
    private void lead() {
        try {
            runWaitingJoins();
        } finally {
            handOver();
        }
    }

    private void handOver() {
        while (true) {
            leading.set(false);
            if (waiting.isEmpty() || !leading.compareAndSet(false, true)) {
                // nobody waits, or a newcomer took the lead itself
                return;
            }
            Pending next = waiting.peek();
            if (next != null) {
                next.promote();
                return;
            }
        }
    }

    private void runWaitingJoins() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = waiting.poll(); next != null; next = batch.size() < maxBatch ? waiting.poll() : null) {
            batch.add(next);
        }
        try {
            List<JoinAttempt> attempts = matchmaker.joinEach(batch.stream().map(pending -> pending.request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer(attempts.get(i).result(), attempts.get(i).failure());
            }
        } catch (RuntimeException | Error unexpected) {
            // never leave a caller parked: whatever was not answered fails with the cause
            RuntimeException failure = unexpected instanceof RuntimeException runtime ? runtime
                    : new MatchmakingException("group commit failed", unexpected);
            batch.stream().filter(pending -> !pending.answered).forEach(pending -> pending.answer(null, failure));
            if (unexpected instanceof Error error) {
                throw error;
            }
        }
    }

    /** One caller's join, and how its thread is woken: answered, or asked to lead. */
    private static final class Pending {

        private final JoinRequest request;
        private final Thread caller = Thread.currentThread();
        private volatile JoinResult result;
        private volatile RuntimeException failure;
        private volatile boolean answered;
        private volatile boolean promoted;

        Pending(JoinRequest request) {
            this.request = request;
        }

        void answer(JoinResult value, RuntimeException error) {
            result = value;
            failure = error;
            answered = true;
            LockSupport.unpark(caller);
        }

        void promote() {
            promoted = true;
            LockSupport.unpark(caller);
        }
    }
}
