package io.matchmaking.http.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of something per time bucket (a second, a minute) over a window of the most recent
 * buckets: a ring that forgets on its own, so memory stays fixed however long the server runs.
 *
 * <p>Adding costs a volatile read and a {@link LongAdder} increment; only the first add of a new
 * bucket takes that bucket's lock to clear the count the ring slot held a whole window ago. A thread
 * stalled for a whole window between reading the time and adding (or a clock set back) adds its
 * count to the newer bucket in its slot rather than clearing it: a miscount of one, never a lost bucket.
 */
public final class RollingCounts {

    private final Clock clock;
    private final long bucketMillis;
    /** The buckets a window shows; the ring holds one more, so the slot cleared next is never one a reader sums. */
    private final int buckets;
    private final Bucket[] ring;
    private final long firstIndex;

    private static final class Bucket {
        /** The bucket's number (epoch millis / bucket width) its count is for; only ever moves forward. */
        volatile long index = Long.MIN_VALUE;
        final LongAdder count = new LongAdder();
    }

    /**
     * @param bucket  how much time one bucket covers
     * @param buckets how many buckets the window keeps, the current one included
     */
    public RollingCounts(Clock clock, Duration bucket, int buckets) {
        if (bucket.toMillis() <= 0 || buckets < 2) {
            throw new IllegalArgumentException("a bucket of at least 1 ms, and at least 2 buckets");
        }
        this.clock = clock;
        this.bucketMillis = bucket.toMillis();
        this.buckets = buckets;
        this.ring = new Bucket[buckets + 1];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Bucket();
        }
        this.firstIndex = currentIndex();
    }

    /** Counts {@code n} in the current bucket. */
    public void add(long n) {
        long index = currentIndex();
        Bucket bucket = ring[slot(index)];
        if (bucket.index < index) {
            synchronized (bucket) {
                if (bucket.index < index) {
                    bucket.count.reset();
                    bucket.index = index;
                }
            }
        }
        bucket.count.add(n);
    }

    /** Every bucket of the window, oldest first, the current (still filling) one last. */
    public Window window() {
        long current = currentIndex();
        long oldest = current - buckets + 1;
        List<Long> counts = new ArrayList<>(buckets);
        for (long index = oldest; index <= current; index++) {
            Bucket bucket = ring[slot(index)];
            counts.add(bucket.index == index ? bucket.count.sum() : 0L);
        }
        // the bucket counting began in is partial: whole ones are those after it
        long whole = Math.max(0, Math.min(buckets - 1, current - firstIndex - 1));
        return new Window(Instant.ofEpochMilli(oldest * bucketMillis), bucketMillis, counts, (int) whole);
    }

    private long currentIndex() {
        return Math.floorDiv(clock.millis(), bucketMillis);
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) ring.length);
    }

    /**
     * A window's counts.
     *
     * @param start          when its oldest bucket began
     * @param bucketMillis   the width of a bucket
     * @param counts         the count of each bucket, oldest first; the last is the current one
     * @param wholeBuckets  how many whole buckets before the current one lie after the one counting
     *                       began in (fewer than the window holds while the server is younger than it)
     */
    public record Window(Instant start, long bucketMillis, List<Long> counts, int wholeBuckets) {

        /** Copies the counts. */
        public Window {
            counts = List.copyOf(counts);
        }

        /**
         * How many of the last {@code most} buckets a rate takes: whole ones only (the current one is
         * still filling), and only those since counting began.
         */
        public int wholeOf(int most) {
            return Math.max(0, Math.min(Math.min(most, counts.size() - 1), wholeBuckets));
        }

        /**
         * The count per second over the last {@code buckets} whole buckets ({@link #wholeOf}); 0
         * before the first one ends.
         */
        public double perSecond(int buckets) {
            int whole = wholeOf(buckets);
            if (whole == 0) {
                return 0;
            }
            long sum = 0;
            for (int i = counts.size() - 1 - whole; i < counts.size() - 1; i++) {
                sum += counts.get(i);
            }
            return sum * 1000.0 / (whole * bucketMillis);
        }
    }
}
