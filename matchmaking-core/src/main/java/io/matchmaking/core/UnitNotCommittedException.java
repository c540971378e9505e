package io.matchmaking.core;

import java.util.Objects;

/**
 * What a store throws when one attempt at a unit of work changed nothing and the same work may
 * run again: the core decides whether and when it does ({@link RetryPolicy}). A store never runs a
 * unit twice on its own, so there is one retry budget, in one place.
 */
public class UnitNotCommittedException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    private final RetryReason reason;

    /** The attempt described by {@code message} did not commit, for {@code reason}, because of {@code cause}. */
    public UnitNotCommittedException(RetryReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the attempt did not commit. */
    public RetryReason reason() {
        return reason;
    }
}
