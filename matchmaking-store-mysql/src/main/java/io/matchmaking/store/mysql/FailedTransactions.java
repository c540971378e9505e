package io.matchmaking.store.mysql;

import io.matchmaking.core.MatchmakingException;
import io.matchmaking.core.OutcomeUnknownException;
import io.matchmaking.core.RetryReason;
import io.matchmaking.core.StoreUnavailableException;
import io.matchmaking.core.UnitNotCommittedException;
import java.util.function.Supplier;

/**
 * Runs one transaction and says what its failure means in the core's terms; it never runs one
 * again (the core's retry policy does). A deadlock or lock wait timeout, like a claim refused by a
 * unique key ({@link ChangeWriter}), changed nothing and may be repeated ({@link UnitNotCommittedException}); a database
 * that cannot be reached is unavailable now, not after a retry; an unknown outcome is said as it is.
 */
final class FailedTransactions {

    private final Runnable afterLockWait;

    /** {@code afterLockWait} runs when a transaction's lock wait timed out, before the failure is thrown. */
    FailedTransactions(Runnable afterLockWait) {
        this.afterLockWait = afterLockWait;
    }

    /** {@code transaction}'s result, or its failure translated. */
    <T> T run(String what, Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    private RuntimeException translate(String what, RuntimeException e) {
        if (e instanceof UnitNotCommittedException || e instanceof OutcomeUnknownException) {
            // an unknown outcome's cause is a lost connection, but it must never read as "did not take effect"
            return e;
        }
        return switch (SqlFailure.of(e)) {
            case LOCK_CONTENTION -> {
                if (SqlFailure.isLockWaitTimeout(e)) {
                    // the lock's holder may be frozen: fence it, so the next attempt finds the lock free
                    afterLockWait.run();
                }
                yield new UnitNotCommittedException(RetryReason.LOCK_CONTENTION,
                        what + ": deadlock or lock wait timeout", e);
            }
            case UNAVAILABLE -> new StoreUnavailableException("MySQL is unavailable: " + rootMessage(e), e);
            case UNEXPECTED -> e instanceof MatchmakingException || e instanceof IllegalStateException
                    ? e : new MatchmakingException(what + " failed", e);
        };
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
