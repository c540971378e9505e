package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The joins of one queue waiting for {@link GroupCommitJoiner}, and whether a leader runs them: at
 * most one leader per lane, so a queue's units never run two at a time from one instance. A lane
 * asks to be removed when its leader finds it empty, so queues nobody joins any more leave nothing
 * behind.
 */
final class GroupCommitLane {

    private final Executor leaders;
    private final int maxBatch;
    private final Consumer<List<PendingJoin>> runBatch;
    private final Consumer<GroupCommitLane> removeIfIdle;
    private final ConcurrentLinkedQueue<PendingJoin> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean leading = new AtomicBoolean();
    private final QueueName queue;

    GroupCommitLane(QueueName queue, Executor leaders, int maxBatch, Consumer<List<PendingJoin>> runBatch,
            Consumer<GroupCommitLane> removeIfIdle) {
        this.queue = queue;
        this.leaders = leaders;
        this.maxBatch = maxBatch;
        this.runBatch = runBatch;
        this.removeIfIdle = removeIfIdle;
    }

    QueueName queue() {
        return queue;
    }

    void add(PendingJoin pending) {
        waiting.add(pending);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    void startLeaderUnlessLeading() {
        if (!leading.compareAndSet(false, true)) {
            return;
        }
        try {
            leaders.execute(this::lead);
        } catch (RuntimeException | Error cannotStart) {
            // no thread (out of memory or threads): nobody would ever answer what waits
            leading.set(false);
            RuntimeException failure = new MatchmakingException("group commit cannot start its thread", cannotStart);
            for (PendingJoin next = waiting.poll(); next != null; next = waiting.poll()) {
                next.answer().completeExceptionally(failure);
            }
            throw cannotStart;
        }
    }

    /** Runs batches while joins wait, then leaves; a join that came meanwhile starts the next leader. */
    private void lead() {
        try {
            for (List<PendingJoin> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
                runBatch.accept(batch);
            }
        } finally {
            leading.set(false);
            removeIfIdle.accept(this);
            // a join added after the last poll, while this thread still led, left its start to us
            if (!waiting.isEmpty()) {
                startLeaderUnlessLeading();
            }
        }
    }

    private List<PendingJoin> nextBatch() {
        List<PendingJoin> batch = new ArrayList<>();
        for (PendingJoin next = waiting.poll(); next != null; next = batch.size() < maxBatch ? waiting.poll() : null) {
            batch.add(next);
        }
        return batch;
    }
}
