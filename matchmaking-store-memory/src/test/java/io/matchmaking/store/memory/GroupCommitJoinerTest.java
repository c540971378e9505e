package io.matchmaking.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.GroupCommitJoiner;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingException;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.Players;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Joins handed over without waiting: answered after their unit, in the order handed over; an
 * error in the store fails its batch and leaves the joiner working; an idle joiner keeps no thread.
 */
class GroupCommitJoinerTest {

    @Test
    void joinsHandedOverFromOneThreadFillMatchesInTheirOrder() throws Exception {
        GroupCommitJoiner joiner = new GroupCommitJoiner(
                Matchmaker.builder(new InMemoryMatchRepository()).rules(MatchmakingRules.ofSize(3)).build(), 64);
        List<PlayerId> players = Players.named("a", 30);

        List<CompletableFuture<JoinResult>> answers = players.stream()
                .map(player -> joiner.joinAsync(JoinRequest.of(player)))
                .toList();

        for (int i = 0; i < players.size(); i++) {
            Match match = answers.get(i).get(10, TimeUnit.SECONDS).match();
            assertThat(match.players()).hasSize(i % 3 + 1);
            assertThat(match.players().get(i % 3)).isEqualTo(players.get(i));
        }
    }

    @Test
    void anErrorInTheStoreFailsItsBatchAndTheNextJoinStillCommits() {
        InMemoryMatchRepository real = new InMemoryMatchRepository();
        AtomicBoolean failNext = new AtomicBoolean(true);
        MatchRepository failingOnce = FailingUnits.around(real,
                queue -> failNext.getAndSet(false) ? new StackOverflowError("deep store") : null);
        GroupCommitJoiner joiner = new GroupCommitJoiner(Matchmaker.builder(failingOnce).build(), 64);

        assertThatThrownBy(() -> joiner.join(JoinRequest.of(PlayerId.of("p1"))))
                .isInstanceOf(MatchmakingException.class)
                .hasCauseInstanceOf(StackOverflowError.class);
        assertThat(real.findWaitingPlayer(PlayerId.of("p1"))).isEmpty();
        assertThat(joiner.join(JoinRequest.of(PlayerId.of("p2"))).match().players()).containsExactly(PlayerId.of("p2"));
    }

    @Test
    void anIdleJoinerKeepsNoThread() throws Exception {
        GroupCommitJoiner joiner = new GroupCommitJoiner(Matchmaker.builder(new InMemoryMatchRepository()).build(), 64);
        joiner.join(JoinRequest.of(PlayerId.of("p1")));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (leaderThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(leaderThreads()).as("group-commit threads a second after the last join").isZero();

        assertThat(joiner.join(JoinRequest.of(PlayerId.of("p2"))).match().players())
                .containsExactly(PlayerId.of("p1"), PlayerId.of("p2"));
    }

    private static long leaderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("group-commit") && thread.isAlive())
                .count();
    }
}
