package io.matchmaking.http.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatchWatchersTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final MatchWatchers watchers = new MatchWatchers();
    private final Match stored = Match.open(MatchId.of("m-1"), QueueName.DEFAULT, 3, NOW)
            .withPlayer(PlayerId.of("ann"), NOW);
    private final Match next = stored.withPlayer(PlayerId.of("bob"), NOW.plusSeconds(1));

    @AfterEach
    void close() {
        watchers.close();
    }

    @Test
    void aChangeMadeBeforeTheRegistrationIsSeenByTheRereadAndAnswersAtOnce() {
        CompletableFuture<Optional<Match>> change = watchers.awaitChange(stored, LONG, () -> Optional.of(next));

        assertThat(change).isCompletedWithValue(Optional.of(next));
        assertThat(watchers.size()).isZero();
    }

    @Test
    void anUnchangedRereadKeepsTheWaiterUntilTheChangeArrives() {
        CompletableFuture<Optional<Match>> change = watchers.awaitChange(stored, LONG, () -> Optional.of(stored));
        assertThat(change).isNotDone();
        assertThat(watchers.size()).isOne();

        watchers.changed(next);

        assertThat(change).isCompletedWithValue(Optional.of(next));
        assertThat(watchers.size()).isZero();
    }

    @Test
    void aRegistrationAnswersOnlyItsOwnWaiterSoItsCostDoesNotGrowWithTheOthers() {
        CompletableFuture<Optional<Match>> first = watchers.awaitChange(stored, LONG, () -> Optional.of(stored));
        CompletableFuture<Optional<Match>> second = watchers.awaitChange(stored, LONG, () -> Optional.of(next));

        assertThat(second).isCompletedWithValue(Optional.of(next));
        // the first is answered by the change's own event (or the store poll), as every waiter is
        assertThat(first).isNotDone();
        watchers.changed(next);
        assertThat(first).isCompletedWithValue(Optional.of(next));
    }

    @Test
    void aChangeAnswersOnlyTheWaitersThatSawAnOlderVersion() {
        CompletableFuture<Optional<Match>> behind = watchers.awaitChange(stored, LONG, () -> Optional.of(stored));
        CompletableFuture<Optional<Match>> current = watchers.awaitChange(next, LONG, () -> Optional.of(next));

        watchers.changed(next);

        assertThat(behind).isCompletedWithValue(Optional.of(next));
        assertThat(current).isNotDone();
        assertThat(watchers.size()).isOne();
    }

    @Test
    void aMatchGoneFromTheStoreLeavesTheWaiterToItsTimeout() {
        CompletableFuture<Optional<Match>> change = watchers.awaitChange(stored, Duration.ofMillis(1), Optional::empty);

        assertThat(change.join()).isEmpty();
    }

    @Test
    void shuttingDownAnswersEveryWaiterAndEveryLaterOneAtOnce() {
        CompletableFuture<Optional<Match>> held = watchers.awaitChange(stored, LONG, () -> Optional.of(stored));

        watchers.releaseAll();

        assertThat(held).isCompletedWithValue(Optional.empty());
        assertThat(watchers.awaitChange(stored, LONG, () -> Optional.of(stored))).isCompletedWithValue(Optional.empty());
    }
}
