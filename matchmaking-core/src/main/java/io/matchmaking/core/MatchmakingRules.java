package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import java.time.Duration;
import java.util.Objects;

/**
 * The tunable rules, validated when built.
 *
 * @param matchSize   players per match (2..100)
 * @param waitTimeout how long a waiting player stays without joining again; zero keeps them forever
 * @param retention   how long ready (and abandoned empty) matches stay readable
 */
public record MatchmakingRules(int matchSize, Duration waitTimeout, Duration retention) {

    /** Size 3, a 300 s wait timeout, one hour of retention. */
    public static final MatchmakingRules DEFAULT =
            new MatchmakingRules(3, Duration.ofSeconds(300), Duration.ofHours(1));

    /** Rejects a size outside 2..100 and negative durations. */
    public MatchmakingRules {
        Match.requireValidSize(matchSize);
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        Objects.requireNonNull(retention, "retention");
        if (waitTimeout.isNegative()) {
            throw new IllegalArgumentException("wait timeout must not be negative");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
    }

    /** The default rules with another match size. */
    public static MatchmakingRules ofSize(int matchSize) {
        return DEFAULT.withMatchSize(matchSize);
    }

    /** These rules with another match size. */
    public MatchmakingRules withMatchSize(int size) {
        return new MatchmakingRules(size, waitTimeout, retention);
    }

    /** These rules with another wait timeout (zero: never expire). */
    public MatchmakingRules withWaitTimeout(Duration timeout) {
        return new MatchmakingRules(matchSize, timeout, retention);
    }

    /** These rules with another retention. */
    public MatchmakingRules withRetention(Duration keep) {
        return new MatchmakingRules(matchSize, waitTimeout, keep);
    }

    /** Whether waiting players expire at all. */
    public boolean expiresWaitingPlayers() {
        return !waitTimeout.isZero();
    }
}
