package io.matchmaking.core;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The units of work one call of the matchmaker may still run, under its {@link RetryPolicy}: the
 * one budget for every way a call can be sent round again (a store's {@link UnitNotCommittedException},
 * a player found waiting in another queue). Not thread-safe: one call, one thread.
 */
final class Attempts {

    private final RetryPolicy policy;
    private final RetryListener listener;
    private final String call;
    private int made;

    /** A fresh budget for {@code call} (as messages name it: "the join of p1"). */
    Attempts(RetryPolicy policy, RetryListener listener, String call) {
        this.policy = policy;
        this.listener = listener;
        this.call = call;
    }

    /**
     * Runs {@code unit} until an attempt commits, each attempt spending one of the budget.
     *
     * @throws ConflictingUpdateException when the budget is spent on a player who keeps moving
     *                                    between queues, or on claims lost to concurrent requests
     * @throws StoreUnavailableException  when it is spent on units the store rolled back
     */
    <T> T run(Supplier<T> unit) {
        if (made == policy.maxAttempts()) {
            throw new ConflictingUpdateException(call + ": the player keeps moving between queues");
        }
        while (true) {
            made++;
            try {
                return unit.get();
            } catch (UnitNotCommittedException notCommitted) {
                RetryReason reason = notCommitted.reason();
                if (made == policy.maxAttempts()) {
                    throw exhausted(reason, notCommitted);
                }
                listener.retried(reason);
                pause(policy.pauseAfter(reason, made));
            }
        }
    }

    private RuntimeException exhausted(RetryReason reason, UnitNotCommittedException last) {
        String what = call + ": " + made + " attempts did not commit (" + reason.label() + ")";
        if (reason == RetryReason.CLAIM_CONFLICT) {
            // concurrent requests for the same player, not a store in trouble
            return new ConflictingUpdateException(what);
        }
        return new StoreUnavailableException(what, last);
    }

    private static void pause(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry", interrupted);
        }
    }
}
