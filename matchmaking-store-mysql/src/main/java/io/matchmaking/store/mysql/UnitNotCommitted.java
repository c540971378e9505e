package io.matchmaking.store.mysql;

/**
 * A unit's COMMIT failed without an answer, and reading back showed it did not commit: it changed
 * nothing, and the database answers again (the read-back just reached it), so the unit runs again.
 */
final class UnitNotCommitted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnitNotCommitted(Throwable cause) {
        super("the unit did not commit", cause);
    }
}
