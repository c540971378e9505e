package io.matchmaking.core;

import java.util.Locale;

/** Why a unit of work did not commit and may simply be run again ({@link UnitNotCommittedException}). */
public enum RetryReason {

    /**
     * Another queue's unit claimed one of this unit's players or idempotency keys first. The next
     * attempt reads that claim, so it decides differently; no pause is needed.
     */
    CLAIM_CONFLICT,

    /** The store rolled the unit back after a deadlock or a lock wait timeout; a short random pause spreads the rivals out. */
    LOCK_CONTENTION,

    /** The unit's COMMIT lost its answer and the store established that it did not take effect. */
    COMMIT_LOST;

    /** The reason as metrics and logs name it: {@code claim_conflict}, {@code lock_contention}, {@code commit_lost}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
