package io.matchmaking.http.metrics;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.MatchmakingListener;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.event.PlayerLeft;
import io.matchmaking.core.event.PlayerQueued;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Counts the core's events. No tag carries a player or match id, so series stay few. */
final class DomainMetrics implements MatchmakingListener {

    private final Counter joins;
    private final Counter leaves;
    private final Counter expirations;
    private final Counter matchesFormed;
    private final Timer timeToReady;

    DomainMetrics(MeterRegistry registry) {
        joins = Counter.builder("matchmaking.joins")
                .description("Players who took a new place in a match").register(registry);
        leaves = Counter.builder("matchmaking.leaves")
                .description("Players who left a waiting match").register(registry);
        expirations = Counter.builder("matchmaking.expirations")
                .description("Waiting players removed after the wait timeout").register(registry);
        matchesFormed = Counter.builder("matchmaking.matches.formed")
                .description("Matches that became ready").register(registry);
        timeToReady = Timer.builder("matchmaking.time.to.ready")
                .description("From a player taking a place to their match being ready")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    @Override
    public void onEvent(MatchmakingEvent event) {
        if (event instanceof PlayerQueued) {
            joins.increment();
        } else if (event instanceof PlayerLeft) {
            leaves.increment();
        } else if (event instanceof PlayerExpired) {
            expirations.increment();
        } else if (event instanceof MatchReady ready) {
            matchesFormed.increment();
            ready.waitTimes().forEach(timeToReady::record);
        }
    }
}
