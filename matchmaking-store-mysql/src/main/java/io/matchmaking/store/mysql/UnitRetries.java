package io.matchmaking.store.mysql;

import io.matchmaking.core.MatchmakingException;
import io.matchmaking.core.OutcomeUnknownException;
import io.matchmaking.core.StoreUnavailableException;
import io.matchmaking.core.store.RetryListener;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a unit's transaction until it commits: again at once after a lost claim or a lost COMMIT
 * shown not to have happened, again after a short random pause after a deadlock or lock wait
 * timeout (all bounded), never after the database became unreachable (that is a 503 now, not
 * later), and never when a unit's outcome is unknown (that is said as it is).
 */
final class UnitRetries {

    private static final Logger LOG = LoggerFactory.getLogger(UnitRetries.class);
    /** A lost claim means the other queue holds the player now; the next attempt sees it. */
    private static final int MAX_CLAIM_CONFLICTS = 50;
    private static final int BASE_PAUSE_MILLIS = 5;
    /** A commit lost and shown not to have happened: the database answered the read-back, so try again, a few times. */
    private static final int MAX_LOST_COMMITS = 3;

    private final int maxContentionAttempts;
    private final Runnable afterLockWait;
    private volatile RetryListener listener = RetryListener.NONE;

    /** {@code afterLockWait} runs before a unit is tried again after its lock wait timed out. */
    UnitRetries(int maxContentionAttempts, Runnable afterLockWait) {
        this.maxContentionAttempts = maxContentionAttempts;
        this.afterLockWait = afterLockWait;
    }

    void setListener(RetryListener value) {
        this.listener = value;
    }

    <T> T run(String what, Supplier<T> transaction) {
        int conflicts = 0;
        int contentions = 0;
        int lostCommits = 0;
        while (true) {
            try {
                return transaction.get();
            } catch (ClaimConflict conflict) {
                if (++conflicts >= MAX_CLAIM_CONFLICTS) {
                    throw new StoreUnavailableException(what + ": " + conflicts + " lost claims in a row", conflict);
                }
                listener.retried("claim_conflict");
            } catch (OutcomeUnknownException unknown) {
                // its cause is a lost connection, but it must never read as "did not take effect"
                throw unknown;
            } catch (UnitNotCommitted notCommitted) {
                if (++lostCommits >= MAX_LOST_COMMITS) {
                    throw new StoreUnavailableException(what + ": " + lostCommits + " commits lost in a row"
                            + " (none took effect)", notCommitted);
                }
                listener.retried("commit_lost");
            } catch (RuntimeException e) {
                switch (SqlFailure.of(e)) {
                    case LOCK_CONTENTION -> {
                        if (++contentions >= maxContentionAttempts) {
                            throw new StoreUnavailableException(what + ": still deadlocked or waiting for a lock after "
                                    + contentions + " attempts", e);
                        }
                        LOG.debug("{}: deadlock or lock wait timeout, attempt {} of {}", what, contentions,
                                maxContentionAttempts);
                        listener.retried("lock_contention");
                        if (SqlFailure.isLockWaitTimeout(e)) {
                            afterLockWait.run();
                        }
                        pause(contentions);
                    }
                    case UNAVAILABLE -> throw new StoreUnavailableException("MySQL is unavailable: " + rootMessage(e), e);
                    case UNEXPECTED -> throw e instanceof MatchmakingException || e instanceof IllegalStateException
                            ? e : new MatchmakingException(what + " failed", e);
                }
            }
        }
    }

    /** Full jitter: a random pause up to 5, 10, 20, ... ms, so colliding units spread out. */
    private static void pause(int attempt) {
        long bound = (long) BASE_PAUSE_MILLIS << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while retrying", interrupted);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
