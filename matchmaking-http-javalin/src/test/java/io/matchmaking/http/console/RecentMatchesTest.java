package io.matchmaking.http.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.PlayerQueued;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.testkit.Concurrently;
import io.matchmaking.core.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentMatchesTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T14:00:30Z"));
    private final RecentMatches recent = new RecentMatches(clock);

    private MatchReady ready(String id, Duration... waits) {
        Match waiting = Match.open(MatchId.of(id), QueueName.of("ranked"), waits.length, clock.instant());
        List<PlayerId> players = IntStream.range(0, waits.length).mapToObj(i -> PlayerId.of(id + "-p" + i)).toList();
        return new MatchReady(waiting.withPlayers(players, clock.instant()), List.of(waits), clock.instant());
    }

    @Test
    void countsReadyMatchesPerMinuteAndNothingElse() {
        recent.onEvent(ready("m1", Duration.ofSeconds(1), Duration.ZERO));
        recent.onEvent(new PlayerQueued(PlayerId.of("a"), Match.open(MatchId.of("w"), QueueName.DEFAULT, 2, clock.instant())
                .withPlayer(PlayerId.of("a"), clock.instant()), clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        recent.onEvent(ready("m2", Duration.ofSeconds(1), Duration.ZERO));
        recent.onEvent(ready("m3", Duration.ofSeconds(1), Duration.ZERO));

        RollingCounts.Window minutes = recent.perMinute();

        assertThat(minutes.counts()).hasSize(RecentMatches.MINUTES);
        assertThat(minutes.counts().subList(RecentMatches.MINUTES - 2, RecentMatches.MINUTES)).containsExactly(1L, 2L);
        assertThat(minutes.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(minutes.start()).isEqualTo(Instant.parse("2026-12-07T13:02:00Z"));
    }

    @Test
    void keepsTheLatestReadyMatchesNewestFirstAndNoMore() {
        for (int i = 0; i < RecentMatches.LATEST + 5; i++) {
            recent.onEvent(ready("m" + i, Duration.ZERO, Duration.ZERO));
        }

        List<MatchReady> latest = recent.latest();

        assertThat(latest).hasSize(RecentMatches.LATEST);
        assertThat(latest.get(0).match().id().value()).isEqualTo("m" + (RecentMatches.LATEST + 4));
        assertThat(latest.get(RecentMatches.LATEST - 1).match().id().value()).isEqualTo("m5");
    }

    @Test
    void timeToReadyPercentilesComeFromEveryPlayersWait() {
        assertThat(recent.timeToReady()).as("no match yet").isEmpty();
        for (int i = 1; i <= 100; i++) {
            recent.onEvent(ready("m" + i, Duration.ofMillis(10L * i), Duration.ofMillis(10L * i)));
        }

        RecentMatches.TimeToReady time = recent.timeToReady().orElseThrow();

        assertThat(time.p50().toMillis()).isCloseTo(500, within(25L));
        assertThat(time.p95().toMillis()).isCloseTo(950, within(50L));
        assertThat(time.p99().toMillis()).isCloseTo(990, within(50L));
    }

    @Test
    void timeToReadyIsUnknownAgainOnceNoMatchFormedForTheWindow() {
        recent.onEvent(ready("m1", Duration.ofSeconds(2), Duration.ZERO));
        clock.advance(Duration.ofMinutes(RecentMatches.PERCENTILE_MINUTES - 1));
        assertThat(recent.timeToReady()).isPresent();
        assertThat(recent.timeToReady().orElseThrow().p99().toMillis()).isBetween(1980L, 2020L);

        clock.advance(Duration.ofMinutes(1));

        assertThat(recent.timeToReady()).as("its minute left the window").isEmpty();
        recent.onEvent(ready("m2", Duration.ofMillis(300), Duration.ZERO));
        assertThat(recent.timeToReady().orElseThrow().p99().toMillis()).as("only the new match's waits").isBetween(297L, 303L);
    }

    @Test
    void aWaitOfHoursIsMeasuredToo() {
        recent.onEvent(ready("m1", Duration.ofHours(3), Duration.ofHours(2)));

        RecentMatches.TimeToReady time = recent.timeToReady().orElseThrow();

        assertThat(time.p99().toMinutes()).isBetween(178L, 182L);
        assertThat(time.p50().toMinutes()).isBetween(118L, 122L);
    }

    /** Every request thread feeds it, without a lock: nothing recorded at once may be lost. */
    @Test
    void matchesReadyOnManyThreadsAtOnceAreAllCounted() throws Exception {
        int threads = 4;
        int each = 2_500;
        Concurrently.run(threads, thread -> {
            for (int i = 0; i < each; i++) {
                recent.onEvent(ready("t" + thread + "-" + i, Duration.ofMillis(100), Duration.ZERO));
            }
            return null;
        });

        assertThat(recent.perMinute().counts().stream().mapToLong(Long::longValue).sum()).isEqualTo((long) threads * each);
        List<MatchReady> latest = recent.latest();
        assertThat(latest).hasSize(RecentMatches.LATEST);
        assertThat(latest.stream().map(ready -> ready.match().id()).distinct()).hasSize(RecentMatches.LATEST);
        assertThat(latest).extracting(ready -> ready.match().id().value())
                .allMatch(id -> Integer.parseInt(id.substring(id.indexOf('-') + 1)) >= each - RecentMatches.LATEST,
                        "is among its thread's last");
        RecentMatches.TimeToReady time = recent.timeToReady().orElseThrow();
        assertThat(time.p95().toMillis()).as("half the waits were 100 ms").isBetween(99L, 101L);
        assertThat(time.p50()).as("and half nothing").isEqualTo(Duration.ZERO);
    }
}
