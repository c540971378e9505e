package io.matchmaking.store.mysql;

/**
 * A player this unit claimed was claimed by another queue's unit that committed first (the
 * primary key of mm_waiting refused the row), or another unit recorded the same idempotency key
 * first (mm_idempotency's). The transaction rolls back and the work runs again; it will then see
 * the other place, or the record.
 */
final class ClaimConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ClaimConflict(Throwable cause) {
        super("a claimed player already waits in another queue", cause, false, false);
    }
}
