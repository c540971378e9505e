package io.matchmaking.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RollingCountsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T14:00:00Z"));
    private final RollingCounts perSecond = new RollingCounts(clock, Duration.ofSeconds(1), 5);

    @Test
    void countsLandInTheCurrentBucketAndTheWindowListsTheOldestFirst() {
        perSecond.add(1);
        clock.advanceSeconds(1);
        perSecond.add(2);
        perSecond.add(3);

        RollingCounts.Window window = perSecond.window();

        assertThat(window.counts()).containsExactly(0L, 0L, 0L, 1L, 5L);
        assertThat(window.start()).isEqualTo(Instant.parse("2026-12-07T13:59:57Z"));
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
        assertThat(perSecond.window().perSecond(4)).as("the current bucket is still filling").isZero();
        clock.advanceSeconds(1);
        perSecond.add(1000);
        assertThat(perSecond.window().perSecond(4)).as("one whole second counted").isEqualTo(10.0);
        clock.advanceSeconds(1);
        assertThat(perSecond.window().perSecond(4)).isEqualTo(505.0);
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
    void addsFromManyThreadsAtOnceAreAllCounted() throws InterruptedException {
        int threads = 8;
        int each = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> adders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread adder = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    perSecond.add(1);
                }
            });
            adder.start();
            adders.add(adder);
        }
        start.countDown();
        for (Thread adder : adders) {
            adder.join();
        }
        assertThat(perSecond.window().counts().get(4)).isEqualTo((long) threads * each);
    }

    @Test
    void aClockSetBackNeverClearsTheNewerBucketInTheSameSlot() {
        perSecond.add(3);
        clock.advanceSeconds(5);
        perSecond.add(4); // the slot of the 3, a window later: cleared first
        clock.advance(Duration.ofSeconds(-5));
        // a reading from a window ago (a clock stepped back, a thread stalled since) joins the newer
        // count of its slot rather than clearing it
        perSecond.add(1);
        clock.advanceSeconds(5);

        assertThat(perSecond.window().counts()).containsExactly(0L, 0L, 0L, 0L, 5L);
    }
}
