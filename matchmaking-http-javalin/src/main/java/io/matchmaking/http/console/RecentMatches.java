package io.matchmaking.http.console;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.MatchmakingListener;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the console shows of the matches this instance formed: how many per minute over the last
 * hour, the time from join to ready (p50, p95, p99) over the last few minutes, and the latest ready
 * matches. Kept in memory from the core's events, in fixed space: nothing is read from the store.
 */
public final class RecentMatches implements MatchmakingListener {

    /** How many of the latest ready matches are kept. */
    public static final int LATEST = 20;
    /** The minutes the per-minute counts cover, the current one included. */
    public static final int MINUTES = 60;
    /**
     * The time-to-ready percentiles decay over this window (Micrometer's rotating histograms: a
     * value counts for between four and five minutes).
     */
    public static final Duration PERCENTILE_WINDOW = Duration.ofMinutes(5);
    private static final int PERCENTILE_BUFFERS = 5;
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final RollingCounts perMinute;
    private final Timer timeToReady;
    private final Deque<MatchReady> latest = new ArrayDeque<>(LATEST);

    /** On the system clock. */
    public RecentMatches() {
        this(Clock.systemUTC());
    }

    RecentMatches(Clock clock) {
        perMinute = new RollingCounts(clock, Duration.ofMinutes(1), MINUTES);
        // a registry of its own: these percentiles are for the console, not a second series in /metrics
        timeToReady = Timer.builder("console.time.to.ready")
                .publishPercentiles(PERCENTILES)
                .percentilePrecision(2)
                .distributionStatisticExpiry(PERCENTILE_WINDOW)
                .distributionStatisticBufferLength(PERCENTILE_BUFFERS)
                .register(new SimpleMeterRegistry());
    }

    @Override
    public void onEvent(MatchmakingEvent event) {
        if (event instanceof MatchReady ready) {
            perMinute.add(1);
            ready.waitTimes().forEach(timeToReady::record);
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
     * Join-to-ready times over about the last {@link #PERCENTILE_WINDOW}; empty when no match became
     * ready in that time.
     */
    public Optional<TimeToReady> timeToReady() {
        List<Long> minutes = perMinute.window().counts();
        int recent = (int) PERCENTILE_WINDOW.toMinutes();
        boolean any = minutes.subList(minutes.size() - recent, minutes.size()).stream().anyMatch(count -> count > 0);
        if (!any) {
            return Optional.empty();
        }
        HistogramSnapshot snapshot = timeToReady.takeSnapshot();
        ValueAtPercentile[] values = snapshot.percentileValues();
        return Optional.of(new TimeToReady(duration(values[0]), duration(values[1]), duration(values[2])));
    }

    private static Duration duration(ValueAtPercentile value) {
        return Duration.ofNanos((long) value.value(TimeUnit.NANOSECONDS));
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
