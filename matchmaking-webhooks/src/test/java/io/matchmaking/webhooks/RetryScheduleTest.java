package io.matchmaking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Backoff with jitter up to a limit, then failed: never an attempt past the limit, never dropped silently. */
class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofHours(24));

    @Test
    void delaysDoubleFromTheFirstUpToTheLongest() {
        assertThat(schedule.boundAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.boundAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.boundAfter(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(schedule.boundAfter(10)).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.boundAfter(1_000)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void eachDelayIsDrawnBetweenHalfItsBoundAndItsBound() {
        for (int attempts = 1; attempts <= 12; attempts++) {
            Duration bound = schedule.boundAfter(attempts);
            for (int i = 0; i < 100; i++) {
                Instant next = schedule.next(attempts, T0, T0).orElseThrow();
                assertThat(Duration.between(T0, next)).isBetween(bound.dividedBy(2), bound);
            }
        }
    }

    @Test
    void noAttemptIsScheduledPastTheLimitAfterTheEvent() {
        Instant late = T0.plus(Duration.ofHours(24)).minusSeconds(1);

        assertThat(schedule.next(3, T0, late)).isEmpty();
        assertThat(schedule.next(1, T0, T0.plus(Duration.ofHours(23)))).isPresent();
    }

    @Test
    void nonsensicalDelaysAreRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
