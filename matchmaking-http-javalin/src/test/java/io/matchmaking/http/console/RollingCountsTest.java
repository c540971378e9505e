package io.matchmaking.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.testkit.Concurrently;
import io.matchmaking.core.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingCountsTest {

    /** Half a second into a second: the bucket counting begins in is partial, as a server's first one is. */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T14:00:00.500Z"));
    private final RollingCounts perSecond = new RollingCounts(clock, Duration.ofSeconds(1), 5);

    @Test
    void countsLandInTheCurrentBucketAndTheWindowListsTheOldestFirst() {
        perSecond.add(1);
        clock.advanceSeconds(1);
        perSecond.add(2);
        perSecond.add(3);

        RollingCounts.Window window = perSecond.window();

        assertThat(window.counts()).containsExactly(0L, 0L, 0L, 1L, 5L);
        assertThat(window.start()).as("whole buckets, however the clock stood").isEqualTo(Instant.parse("2026-12-07T13:59:57Z"));
        assertThat(window.bucketMillis()).isEqualTo(1000);
    }

    @Test
    void aBucketIsForgottenOnceTheWindowHasPassedItAndItsSlotStartsFromNothing() {
        perSecond.add(7);
        clock.advanceSeconds(5);
        assertThat(perSecond.window().counts()).containsOnly(0L);

        perSecond.add(1); // the same ring slot as the 7, a whole window later
        assertThat(perSecond.window().counts()).containsExactly(0L, 0L, 0L, 0L, 1L);
    }

    @Test
    void aRateIsTakenOverWholeBucketsOnlyAndOverTheTimeCountedWhenThatIsShorter() {
        assertThat(perSecond.window().perSecond(4)).as("nothing whole yet").isZero();
        perSecond.add(10);
        clock.advanceSeconds(1);
        perSecond.add(1000);
        assertThat(perSecond.window().perSecond(4)).as("the first second counted was half a second").isZero();
        clock.advanceSeconds(1);
        assertThat(perSecond.window().perSecond(4)).as("one whole second").isEqualTo(1000.0);
        clock.advanceSeconds(1);
        assertThat(perSecond.window().perSecond(4)).as("two whole seconds").isEqualTo(500.0);
        clock.advanceSeconds(10);
        assertThat(perSecond.window().perSecond(4)).as("all of it left the window").isZero();
    }

    @Test
    void aRateNeverReachesFurtherBackThanTheWindow() {
        for (int second = 0; second < 10; second++) {
            perSecond.add(second);
            clock.advanceSeconds(1);
        }
        // the window holds 5 buckets: the current one and the 4 whole seconds 6, 7, 8, 9
        assertThat(perSecond.window().perSecond(100)).isEqualTo((6 + 7 + 8 + 9) / 4.0);
    }

    @Test
    void addsFromManyThreadsAtOnceAreAllCounted() throws Exception {
        int threads = 8;
        int each = 20_000;
        Concurrently.run(threads, thread -> {
            for (int i = 0; i < each; i++) {
                perSecond.add(1);
            }
            return null;
        });
        assertThat(perSecond.window().counts().get(4)).isEqualTo((long) threads * each);
    }

    /** The only racy path: the first adds of a new bucket clear its slot while others add. */
    @Test
    void addsFromManyThreadsWhileTheBucketsTurnAreAllCounted() throws Exception {
        RollingCounts wide = new RollingCounts(clock, Duration.ofSeconds(1), 64);
        int threads = 4;
        int each = 50_000;
        Concurrently.run(threads, thread -> {
            for (int i = 1; i <= each; i++) {
                wide.add(1);
                // one adder turns the clock among its own adds: 10 new buckets, fewer than the
                // 64 kept, so every add stays in the window
                if (thread == 0 && i % 5_000 == 0) {
                    clock.advanceSeconds(1);
                }
            }
            return null;
        });

        assertThat(wide.window().counts().stream().mapToLong(Long::longValue).sum()).isEqualTo((long) threads * each);
        assertThat(wide.window().counts().stream().filter(count -> count > 0).count())
                .as("the buckets turned while the adds ran").isGreaterThan(1);
    }

    /**
     * A reading from seconds ago (a clock stepped back, a thread stalled since) may land in the
     * newer bucket of its ring slot, whichever that is: it joins that count, never clears it.
     */
    @Test
    void aClockSetBackNeverClearsANewerBucket() {
        for (int back = 1; back <= 20; back++) {
            ManualClock moving = new ManualClock(Instant.parse("2026-12-07T14:00:00.500Z"));
            RollingCounts counts = new RollingCounts(moving, Duration.ofSeconds(1), 5);
            moving.advanceSeconds(back);
            counts.add(4);
            moving.advance(Duration.ofSeconds(-back));
            counts.add(1);
            moving.advanceSeconds(back);

            List<Long> window = counts.window().counts();
            assertThat(window.get(window.size() - 1)).as("set back %d s", back).isBetween(4L, 5L);
            assertThat(window.stream().mapToLong(Long::longValue).sum()).as("set back %d s", back).isBetween(4L, 5L);
        }
    }
}
