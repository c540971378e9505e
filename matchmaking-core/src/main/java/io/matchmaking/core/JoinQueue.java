package io.matchmaking.core;

import java.util.concurrent.CompletableFuture;

/**
 * The use case "take a place in a queue", as adapters see it: {@link Matchmaker} answers at once
 * (its future is complete on return), {@link GroupCommitJoiner} when the join's shared unit commits.
 * Failures are the core's exceptions, thrown at once or completing the future.
 */
public interface JoinQueue {

    /** The match that holds the player after the join, or why not. */
    CompletableFuture<JoinResult> joinAsync(JoinRequest request);
}
