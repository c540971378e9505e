package io.matchmaking.core;

/** One join's outcome inside a batch: its result, or the failure that concerns it alone. */
record JoinAttempt(JoinResult result, RuntimeException failure) {

    static JoinAttempt succeeded(JoinResult result) {
        return new JoinAttempt(result, null);
    }

    static JoinAttempt failed(RuntimeException failure) {
        return new JoinAttempt(null, failure);
    }
}
