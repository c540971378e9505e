package io.matchmaking.core;

import java.util.concurrent.CompletableFuture;

/** One caller's join waiting in a {@link GroupCommitLane}, and the future that answers it. */
record PendingJoin(JoinRequest request, CompletableFuture<JoinResult> answer) {

    void settle(JoinAttempt attempt) {
        if (attempt.failure() != null) {
            answer.completeExceptionally(attempt.failure());
        } else {
            answer.complete(attempt.result());
        }
    }
}
