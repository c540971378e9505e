package io.matchmaking.http.console;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Players' waits for their match, in one HdrHistogram per minute over the last few minutes: their
 * percentiles, in fixed space. Minutes are those of the clock, so a wait leaves these figures in the
 * same minute its match leaves the per-minute counts of {@link RecentMatches}.
 */
final class RecentWaits {

    /** Two significant digits: a percentile is within 1 % of the true value. */
    private static final int DIGITS = 2;
    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Clock clock;
    private final int minutes;
    private final Histogram[] ring;
    private final long[] minuteOf;

    /** Keeps {@code minutes} minutes, the current one included. */
    RecentWaits(Clock clock, int minutes) {
        this.clock = clock;
        this.minutes = minutes;
        this.ring = new Histogram[minutes];
        this.minuteOf = new long[minutes];
        for (int i = 0; i < minutes; i++) {
            ring[i] = new Histogram(DIGITS);
            minuteOf[i] = Long.MIN_VALUE;
        }
    }

    /** Records the waits of one match's players, in milliseconds (auto-resizing: no wait is too long). */
    synchronized void record(List<Duration> waits) {
        long minute = currentMinute();
        int slot = slot(minute);
        if (minuteOf[slot] < minute) {
            ring[slot].reset();
            minuteOf[slot] = minute;
        }
        // a clock set back writes into the newer minute of its slot rather than clearing it
        for (Duration wait : waits) {
            ring[slot].recordValue(Math.max(0, wait.toMillis()));
        }
    }

    /** p50, p95 and p99 of the waits of the kept minutes; empty when there were none. */
    synchronized Optional<RecentMatches.TimeToReady> percentiles() {
        long current = currentMinute();
        Histogram merged = new Histogram(DIGITS);
        for (long minute = current - minutes + 1; minute <= current; minute++) {
            int slot = slot(minute);
            if (minuteOf[slot] == minute) {
                merged.add(ring[slot]);
            }
        }
        if (merged.getTotalCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(new RecentMatches.TimeToReady(at(merged, 50), at(merged, 95), at(merged, 99)));
    }

    private static Duration at(Histogram histogram, double percentile) {
        return Duration.ofMillis(histogram.getValueAtPercentile(percentile));
    }

    private long currentMinute() {
        return Math.floorDiv(clock.millis(), MINUTE_MILLIS);
    }

    private int slot(long minute) {
        return (int) Math.floorMod(minute, (long) minutes);
    }
}
