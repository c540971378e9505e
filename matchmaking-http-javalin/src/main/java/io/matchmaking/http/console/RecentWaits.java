package io.matchmaking.http.console;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Players' waits for their match, in one HdrHistogram per minute over the last few minutes: their
 * percentiles, in fixed space. Minutes are those of the clock, so a wait leaves these figures in the
 * same minute its match leaves the per-minute counts of {@link RecentMatches}.
 *
 * <p>Recording takes no lock (a {@link ConcurrentHistogram} per minute, as {@link RollingCounts}
 * does with its counters): only the first record of a new minute takes that minute's lock, to clear
 * the histogram its slot held a window ago. Every ready match records here, from many request
 * threads at once; the console reads seldom.
 */
final class RecentWaits {

    /** Two significant digits: a percentile is within 1 % of the true value. */
    private static final int DIGITS = 2;
    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Clock clock;
    private final int minutes;
    private final Minute[] ring;

    private static final class Minute {
        /** The minute (epoch millis / 60,000) its waits are of; only ever moves forward. */
        volatile long index = Long.MIN_VALUE;
        /** Auto-resizing: no wait is too long. */
        final Histogram waits = new ConcurrentHistogram(DIGITS);
    }

    /** Keeps {@code minutes} minutes, the current one included. */
    RecentWaits(Clock clock, int minutes) {
        this.clock = clock;
        this.minutes = minutes;
        // one slot more than is read, so the slot cleared next is never one being read
        this.ring = new Minute[minutes + 1];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Minute();
        }
    }

    /** Records the waits of one match's players, in milliseconds. */
    void record(List<Duration> waits) {
        long index = currentMinute();
        Minute minute = ring[slot(index)];
        if (minute.index < index) {
            synchronized (minute) {
                if (minute.index < index) {
                    minute.waits.reset();
                    minute.index = index;
                }
            }
        }
        // a clock set back, or a thread stalled for a window, records into the newer minute of its slot
        for (Duration wait : waits) {
            minute.waits.recordValue(Math.max(0, wait.toMillis()));
        }
    }

    /** p50, p95 and p99 of the waits of the kept minutes; empty when there were none. */
    Optional<RecentMatches.TimeToReady> percentiles() {
        long current = currentMinute();
        Histogram merged = new Histogram(DIGITS);
        for (long index = current - minutes + 1; index <= current; index++) {
            Minute minute = ring[slot(index)];
            if (minute.index == index) {
                merged.add(minute.waits);
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

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) ring.length);
    }
}
