package io.matchmaking.http.console;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.MatchmakingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What the console shows of the matches this instance formed: how many per minute over the last
 * hour, the time from join to ready (p50, p95, p99) over the last few minutes, and the latest ready
 * matches. Kept in memory from the core's events, in fixed space: nothing is read from the store.
 * Register it as a listener of the matchmaker.
 */
public final class RecentMatches implements MatchmakingListener {

    /** How many of the latest ready matches are kept. */
    public static final int LATEST = 20;
    /** The minutes the per-minute counts cover, the current one included. */
    public static final int MINUTES = 60;
    /** The minutes the time-to-ready percentiles cover, the current one included (so 4 to 5 minutes of waits). */
    public static final int PERCENTILE_MINUTES = 5;

    private final RollingCounts perMinute;
    private final RecentWaits waits;
    private final Deque<MatchReady> latest = new ArrayDeque<>(LATEST);

    /** On the system clock. */
    public RecentMatches() {
        this(Clock.systemUTC());
    }

    RecentMatches(Clock clock) {
        perMinute = new RollingCounts(clock, Duration.ofMinutes(1), MINUTES);
        waits = new RecentWaits(clock, PERCENTILE_MINUTES);
    }

    @Override
    public void onEvent(MatchmakingEvent event) {
        if (event instanceof MatchReady ready) {
            perMinute.add(1);
            waits.record(ready.waitTimes());
            synchronized (latest) {
                if (latest.size() == LATEST) {
                    latest.removeLast();
                }
                latest.addFirst(ready);
            }
        }
    }

    /** Matches that became ready per minute, oldest minute first, the current (partial) one last. */
    public RollingCounts.Window perMinute() {
        return perMinute.window();
    }

    /**
     * Join-to-ready times of the players of the matches made ready in the last
     * {@value #PERCENTILE_MINUTES} minutes (the current one included); empty when there were none.
     */
    public Optional<TimeToReady> timeToReady() {
        return waits.percentiles();
    }

    /** The latest ready matches, newest first. */
    public List<MatchReady> latest() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }

    /** Percentiles of the time from a player taking a place to their match being ready. */
    public record TimeToReady(Duration p50, Duration p95, Duration p99) {
    }
}
