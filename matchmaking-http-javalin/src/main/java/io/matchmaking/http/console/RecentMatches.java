package io.matchmaking.http.console;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.MatchmakingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
    /** The latest ready matches, the n-th into slot n % LATEST: written without a lock, by every request thread. */
    private final AtomicReferenceArray<Numbered> latest = new AtomicReferenceArray<>(LATEST);
    private final AtomicLong readySoFar = new AtomicLong();

    /** A ready match and its place in the count, so a reader knows a slot's entry is the one it wants. */
    private record Numbered(long n, MatchReady ready) {
    }

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
            long n = readySoFar.getAndIncrement();
            latest.set((int) (n % LATEST), new Numbered(n, ready));
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

    /**
     * The latest ready matches, newest first (by when they were counted: two that became ready at
     * once on two threads may show in either order).
     */
    public List<MatchReady> latest() {
        long counted = readySoFar.get();
        List<MatchReady> newestFirst = new ArrayList<>(LATEST);
        for (long n = counted - 1; n >= Math.max(0, counted - LATEST); n--) {
            Numbered entry = latest.get((int) (n % LATEST));
            // another entry: its thread has counted the match but not written it yet (left out this
            // once), or has already written one a lap later (the window moved on while we read)
            if (entry != null && entry.n() == n) {
                newestFirst.add(entry.ready());
            }
        }
        return List.copyOf(newestFirst);
    }

    /** Percentiles of the time from a player taking a place to their match being ready. */
    public record TimeToReady(Duration p50, Duration p95, Duration p99) {
    }
}
