package io.matchmaking.core.testkit;

import static io.matchmaking.core.testkit.Players.player;
import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.LeaveResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.QueueStatus;
import io.matchmaking.core.SweepReport;
import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.event.PlayerLeft;
import io.matchmaking.core.event.PlayerQueued;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchStatus;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the model, run unchanged against each store: a store module extends this class
 * and implements {@link #newRepository()}. Single-threaded and driven by a manual clock; the
 * races are in {@link MatchRepositoryConcurrencyContract}.
 */
public abstract class MatchRepositoryContract extends RepositoryFixture {

    private static final QueueName ARENA = QueueName.of("arena");

    private Match join(String name) {
        return matchmaker.join(player(name)).match();
    }

    // --- FIFO fill ------------------------------------------------------------------------

    @Test
    void firstJoinerOpensAWaitingMatch() {
        Match match = join("p1");

        assertThat(match.status()).isEqualTo(MatchStatus.WAITING);
        assertThat(match.players()).containsExactly(player("p1"));
        assertThat(match.queue()).isEqualTo(QueueName.DEFAULT);
        assertThat(match.updatedAt()).isEqualTo(ManualClock.START);
        assertThat(match.readyAt()).isNull();
        assertThat(match.version()).isEqualTo(1);
        assertThat(matchmaker.findMatch(match.id())).contains(match);
    }

    @Test
    void secondJoinerFillsTheSameWaitingMatch() {
        Match first = join("p1");
        clock.advanceSeconds(2);
        Match second = join("p2");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.players()).containsExactly(player("p1"), player("p2"));
        assertThat(second.updatedAt()).isEqualTo(ManualClock.START.plusSeconds(2));
        assertThat(second.version()).isEqualTo(2);
    }

    @Test
    void thirdJoinerMakesTheMatchReadyInItsOwnAnswer() {
        join("p1");
        join("p2");
        clock.advanceSeconds(5);
        Match third = join("p3");

        assertThat(third.status()).isEqualTo(MatchStatus.READY);
        assertThat(third.players()).containsExactly(player("p1"), player("p2"), player("p3"));
        assertThat(third.readyAt()).isEqualTo(ManualClock.START.plusSeconds(5));
        assertThat(third.updatedAt()).isEqualTo(third.readyAt());
        assertThat(matchmaker.findMatch(third.id())).contains(third);
    }

    @Test
    void fourthJoinerOpensANewMatch() {
        Match full = join("p1");
        join("p2");
        join("p3");
        Match next = join("p4");

        assertThat(next.id()).isNotEqualTo(full.id());
        assertThat(next.players()).containsExactly(player("p4"));
        assertThat(next.status()).isEqualTo(MatchStatus.WAITING);
    }

    @Test
    void thirtyPlayersFormTenMatchesInJoinOrder() {
        List<PlayerId> players = Players.numbered(30);
        List<Match> answers = players.stream().map(p -> matchmaker.join(p).match()).toList();

        for (int m = 0; m < 10; m++) {
            Match ready = matchmaker.findMatch(answers.get(3 * m).id()).orElseThrow();
            assertThat(ready.players()).containsExactlyElementsOf(players.subList(3 * m, 3 * m + 3));
            assertThat(ready.isReady()).isTrue();
        }
        assertThat(matchmaker.queues()).isEmpty();
    }

    @Test
    void matchSizeIsConfigurable() {
        Matchmaker pairs = matchmaker(MatchmakingRules.ofSize(2));
        pairs.join(player("a"));
        assertThat(pairs.join(player("b")).match().isReady()).isTrue();

        Matchmaker large = matchmaker(MatchmakingRules.ofSize(100));
        List<Match> answers = Players.named("big", 100).stream().map(p -> large.join(p).match()).toList();
        assertThat(answers.subList(0, 99)).noneMatch(Match::isReady);
        assertThat(answers.get(99).isReady()).isTrue();
        assertThat(answers.get(99).players()).hasSize(100);
    }

    // --- idempotent join ------------------------------------------------------------------

    @Test
    void joiningAgainWhileWaitingReturnsTheSameMatchUnchanged() {
        Match first = join("p1");
        clock.advanceSeconds(10);
        JoinResult again = matchmaker.join(player("p1"));

        assertThat(again).isInstanceOf(JoinResult.AlreadyWaiting.class);
        assertThat(again.match()).isEqualTo(first);
        assertThat(matchmaker.findMatch(first.id())).contains(first);
        assertThat(listener.events(PlayerQueued.class)).hasSize(1);
    }

    @Test
    void joiningAgainRefreshesTheWaitTimer() {
        join("p1");
        clock.advanceSeconds(200);
        join("p1");
        clock.advanceSeconds(200);

        assertThat(matchmaker.sweep().expiredPlayers()).isZero();
        assertThat(matchmaker.findPlayerMatch(player("p1")).orElseThrow().players()).containsExactly(player("p1"));

        clock.advanceSeconds(101);
        assertThat(matchmaker.sweep().expiredPlayers()).isEqualTo(1);
    }

    @Test
    void aPlayerWhoseMatchIsReadyGetsANewPlaceWhenJoiningAgain() {
        Match ready = join("p1");
        join("p2");
        join("p3");
        JoinResult again = matchmaker.join(player("p1"));

        assertThat(again).isInstanceOf(JoinResult.Queued.class);
        assertThat(again.match().id()).isNotEqualTo(ready.id());
        assertThat(again.match().players()).containsExactly(player("p1"));
    }

    @Test
    void aBatchIsPlacedInItsOrderAndADuplicateInItHoldsOnePlace() {
        List<JoinResult> results = matchmaker.joinAll(List.of(
                JoinRequest.of(player("p1")), JoinRequest.of(player("p2")), JoinRequest.of(player("p1")),
                JoinRequest.of(player("p3")), JoinRequest.of(player("p4"))));

        assertThat(results.get(0).match().players()).containsExactly(player("p1"));
        assertThat(results.get(1).match().players()).containsExactly(player("p1"), player("p2"));
        assertThat(results.get(2)).isInstanceOf(JoinResult.AlreadyWaiting.class);
        assertThat(results.get(2).match()).isEqualTo(results.get(1).match());
        assertThat(results.get(3).match().isReady()).isTrue();
        assertThat(results.get(4).match().players()).containsExactly(player("p4"));
        assertThat(matchmaker.findMatch(results.get(3).match().id())).contains(results.get(3).match());
        assertThat(matchmaker.findMatch(results.get(4).match().id())).contains(results.get(4).match());
    }

    @Test
    void aBatchMayRePlaceAPlayerWhoseMatchItCompleted() {
        Matchmaker pairs = matchmaker(MatchmakingRules.ofSize(2));
        List<JoinResult> results = pairs.joinAll(List.of(
                JoinRequest.of(player("p1")), JoinRequest.of(player("p2")), JoinRequest.of(player("p1"))));

        assertThat(results.get(1).match().isReady()).isTrue();
        assertThat(results.get(2)).isInstanceOf(JoinResult.Queued.class);
        assertThat(results.get(2).match().players()).containsExactly(player("p1"));
        assertThat(pairs.findPlayerMatch(player("p1"))).contains(results.get(2).match());
        assertThat(repository.findWaitingPlayer(player("p1")).orElseThrow().matchId())
                .isEqualTo(results.get(2).match().id());
    }

    // --- queues ---------------------------------------------------------------------------

    @Test
    void queuesFillIndependently() {
        Match casual = join("p1");
        Match ranked = matchmaker.join(new JoinRequest(player("p2"), ARENA)).match();

        assertThat(ranked.id()).isNotEqualTo(casual.id());
        assertThat(ranked.queue()).isEqualTo(ARENA);
        assertThat(ranked.players()).containsExactly(player("p2"));
    }

    @Test
    void aPlayerWaitingInOneQueueKeepsThatPlaceWhenJoiningAnother() {
        Match casual = join("p1");
        clock.advanceSeconds(250);
        JoinResult other = matchmaker.join(new JoinRequest(player("p1"), ARENA));

        assertThat(other).isInstanceOf(JoinResult.AlreadyWaiting.class);
        assertThat(other.match()).isEqualTo(casual);
        assertThat(matchmaker.queues()).extracting(QueueStatus::queue).containsExactly(QueueName.DEFAULT);

        clock.advanceSeconds(250);
        assertThat(matchmaker.sweep().expiredPlayers()).as("the other queue's join refreshed the timer").isZero();
    }

    @Test
    void queuesReportPlayersWaitingAndTheOldestWait() {
        join("p1");
        clock.advanceSeconds(30);
        join("p2");
        matchmaker.join(new JoinRequest(player("p3"), ARENA));
        clock.advanceSeconds(12);

        assertThat(matchmaker.queues()).containsExactly(
                new QueueStatus(ARENA, 1, Duration.ofSeconds(12)),
                new QueueStatus(QueueName.DEFAULT, 2, Duration.ofSeconds(42), Optional.of(Duration.ZERO)));
    }

    // --- leave ----------------------------------------------------------------------------

    @Test
    void leaveRemovesThePlayerAndKeepsTheOthersInOrder() {
        join("p1");
        join("p2");
        Match before = matchmaker.findPlayerMatch(player("p1")).orElseThrow();
        clock.advanceSeconds(3);

        LeaveResult result = matchmaker.leave(player("p1"));

        assertThat(result).isInstanceOf(LeaveResult.Left.class);
        Match after = ((LeaveResult.Left) result).match();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.players()).containsExactly(player("p2"));
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updatedAt()).isEqualTo(ManualClock.START.plusSeconds(3));
        assertThat(matchmaker.findMatch(after.id())).contains(after);
        assertThat(repository.findWaitingPlayer(player("p1"))).isEmpty();
    }

    @Test
    void theNextJoinerFillsTheMatchSomeoneLeft() {
        Match open = join("p1");
        join("p2");
        matchmaker.leave(player("p1"));
        join("p3");
        Match full = join("p4");

        assertThat(full.id()).isEqualTo(open.id());
        assertThat(full.players()).containsExactly(player("p2"), player("p3"), player("p4"));
        assertThat(full.isReady()).isTrue();
    }

    @Test
    void leavingWhenNotWaitingIsAnAnswerNotAChange() {
        assertThat(matchmaker.leave(player("ghost"))).isInstanceOf(LeaveResult.NotWaiting.class);

        Match ready = join("p1");
        join("p2");
        join("p3");
        assertThat(matchmaker.leave(player("p1"))).as("a ready match cannot be left")
                .isInstanceOf(LeaveResult.NotWaiting.class);
        assertThat(matchmaker.findMatch(ready.id()).orElseThrow().players()).hasSize(3);
    }

    @Test
    void aPlayerWhoLeftMayJoinAgainAtTheBack() {
        join("p1");
        join("p2");
        matchmaker.leave(player("p1"));
        Match again = join("p1");

        assertThat(again.players()).containsExactly(player("p2"), player("p1"));
    }

    // --- lookups --------------------------------------------------------------------------

    @Test
    void unknownMatchesAndPlayersAreNotFound() {
        assertThat(matchmaker.findMatch(MatchId.of("no-such-match"))).isEmpty();
        assertThat(matchmaker.findPlayerMatch(player("nobody"))).isEmpty();
    }

    @Test
    void aPlayersMatchIsTheWaitingOneElseTheLatestReadyOne() {
        Match waiting = join("p1");
        assertThat(matchmaker.findPlayerMatch(player("p1"))).contains(waiting);

        join("p2");
        Match ready = join("p3");
        assertThat(matchmaker.findPlayerMatch(player("p1"))).contains(ready);

        Match rejoined = join("p1");
        assertThat(matchmaker.findPlayerMatch(player("p1"))).contains(rejoined);

        matchmaker.leave(player("p1"));
        assertThat(matchmaker.findPlayerMatch(player("p1"))).as("after leaving, the last ready match").contains(ready);
    }

    @Test
    void manyMatchesAreFoundInOneRead() {
        Match first = join("p1");
        join("p2");
        join("p3");
        Match second = join("p4");

        List<Match> found = repository.findMatches(List.of(first.id(), second.id(), MatchId.of("gone")));

        assertThat(found).containsExactlyInAnyOrder(matchmaker.findMatch(first.id()).orElseThrow(), second);
        assertThat(repository.findMatches(List.of())).isEmpty();
    }

    // --- expiry ---------------------------------------------------------------------------

    @Test
    void waitingPlayersOlderThanTheWaitTimeoutAreRemoved() {
        join("p1");
        clock.advanceSeconds(100);
        join("p2");
        clock.advanceSeconds(200);
        assertThat(matchmaker.sweep().expiredPlayers()).as("exactly the timeout is not older").isZero();

        clock.advanceSeconds(1);
        SweepReport report = matchmaker.sweep();

        assertThat(report.expiredPlayers()).isEqualTo(1);
        Match after = matchmaker.findPlayerMatch(player("p2")).orElseThrow();
        assertThat(after.players()).containsExactly(player("p2"));
        assertThat(matchmaker.findPlayerMatch(player("p1"))).isEmpty();
        assertThat(listener.events(PlayerExpired.class)).singleElement()
                .satisfies(event -> assertThat(event.player()).isEqualTo(player("p1")))
                .satisfies(event -> assertThat(event.match()).isEqualTo(after));
    }

    @Test
    void aWaitTimeoutOfZeroKeepsPlayersForever() {
        Matchmaker patient = matchmaker(waitTimeout(0));
        patient.join(player("p1"));
        clock.advance(Duration.ofDays(30));

        assertThat(patient.sweep().expiredPlayers()).isZero();
        assertThat(patient.queues()).singleElement().extracting(QueueStatus::playersWaiting).isEqualTo(1);
    }

    @Test
    void anExpiredPlayerMayJoinAgain() {
        join("p1");
        clock.advanceSeconds(301);
        matchmaker.sweep();

        JoinResult again = matchmaker.join(player("p1"));
        assertThat(again).isInstanceOf(JoinResult.Queued.class);
        assertThat(again.match().players()).containsExactly(player("p1"));
    }

    // --- retention ------------------------------------------------------------------------

    @Test
    void readyMatchesArePurgedAfterTheRetention() {
        join("p1");
        join("p2");
        Match ready = join("p3");

        clock.advance(Duration.ofHours(1));
        assertThat(matchmaker.sweep().purgedReadyMatches()).isZero();
        assertThat(matchmaker.findMatch(ready.id())).contains(ready);

        clock.advanceSeconds(1);
        assertThat(matchmaker.sweep().purgedReadyMatches()).isEqualTo(1);
        assertThat(matchmaker.findMatch(ready.id())).isEmpty();
        assertThat(matchmaker.findPlayerMatch(player("p1"))).isEmpty();
    }

    @Test
    void aWaitingMatchLeftEmptyIsDeletedAfterTheRetention() {
        Match open = join("p1");
        matchmaker.leave(player("p1"));
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(matchmaker.sweep().deletedEmptyMatches()).isEqualTo(1);
        assertThat(matchmaker.findMatch(open.id())).isEmpty();
        assertThat(matchmaker.queues()).isEmpty();
        assertThat(join("p2").id()).isNotEqualTo(open.id());
    }

    @Test
    void anEmptyWaitingMatchIsReusedBeforeTheRetention() {
        Match open = join("p1");
        matchmaker.leave(player("p1"));
        clock.advanceSeconds(60);
        matchmaker.sweep();

        assertThat(join("p2").id()).isEqualTo(open.id());
    }

    // --- time to match ---------------------------------------------------------------------

    @Test
    void theSweepMeasuresAQueuesArrivalRateAndAWaitingMatchIsExpectedToFillAtIt() {
        Match first = join("p1");
        assertThat(matchmaker.expectedWait(first)).as("no sweep, no data").isEmpty();
        clock.advanceSeconds(10);
        Match second = join("p2");
        matchmaker.sweep();

        // two players arrived over the ten seconds since the first of them: one every five seconds
        assertThat(matchmaker.expectedWait(second)).contains(Duration.ofSeconds(5));
        assertThat(matchmaker.queues()).singleElement().satisfies(queue ->
                assertThat(queue.expectedWait()).as("a player who joins now makes it ready").contains(Duration.ZERO));
        Match ready = join("p3");
        assertThat(matchmaker.expectedWait(ready)).isEmpty();
        join("p4");
        assertThat(matchmaker.queues()).singleElement().satisfies(queue ->
                assertThat(queue.expectedWait()).as("a newcomer waits for one more").contains(Duration.ofSeconds(5)));
    }

    // --- events ---------------------------------------------------------------------------

    @Test
    void everyChangeIsPublishedWithTheMatchAfterIt() {
        join("p1");
        clock.advanceSeconds(4);
        join("p2");
        matchmaker.leave(player("p2"));
        join("p2");
        clock.advanceSeconds(6);
        Match ready = join("p3");

        List<Class<?>> kinds = new ArrayList<>();
        listener.events().forEach(event -> kinds.add(event.getClass()));
        assertThat(kinds).containsExactly(PlayerQueued.class, PlayerQueued.class, PlayerLeft.class,
                PlayerQueued.class, PlayerQueued.class, MatchReady.class);
        MatchReady done = listener.events(MatchReady.class).get(0);
        assertThat(done.match()).isEqualTo(ready);
        assertThat(done.waitTimes()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(6), Duration.ZERO);
        assertThat(listener.events().get(2).match().players()).containsExactly(player("p1"));
    }

    @Test
    void aFailingListenerDoesNotFailTheJoin() {
        Matchmaker fragile = Matchmaker.builder(repository).clock(clock).clockOverridesStore(true).matchIds(matchIds)
                .listener(event -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(listener)
                .build();

        Match match = fragile.join(player("p1")).match();

        assertThat(fragile.findMatch(match.id())).contains(match);
        assertThat(listener.events(PlayerQueued.class)).hasSize(1);
    }
}
