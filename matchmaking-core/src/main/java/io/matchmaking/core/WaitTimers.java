package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;

/**
 * The two clocks of a waiting queue, stated once: a place is stale once its last join is older than
 * the wait timeout (when the rules expire players at all), and a waiting match left empty is
 * abandoned once its last change is a retention old.
 */
record WaitTimers(MatchmakingRules rules, Instant now) {

    boolean stale(WaitingPlayer place) {
        return rules.expiresWaitingPlayers() && place.lastJoinAt().isBefore(now.minus(rules.waitTimeout()));
    }

    boolean abandoned(Match empty) {
        return empty.players().isEmpty() && !empty.updatedAt().plus(rules.retention()).isAfter(now);
    }

    /** Whether a sweep would change anything in a queue that looks like {@code stats}: only those are locked. */
    boolean anyDue(QueueStats stats) {
        return stats.waitingMatches().stream().anyMatch(this::abandoned) || stats.places().stream().anyMatch(this::stale);
    }
}
