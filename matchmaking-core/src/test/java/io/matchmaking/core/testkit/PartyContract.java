package io.matchmaking.core.testkit;

import static io.matchmaking.core.testkit.Players.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.IdempotencyKeyReusedException;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.LeaveResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.PartyMemberWaitingException;
import io.matchmaking.core.PartyTooLargeException;
import io.matchmaking.core.QueueStatus;
import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.event.PlayerLeft;
import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The party rules of API.md, run unchanged against each store: a ticket of players is placed
 * whole by first fit in arrival order, waits, refreshes, leaves and expires as one, and a player
 * waits in one place across all queues. Matches of four, so that parties of two and three meet
 * solo players in one match.
 */
public abstract class PartyContract extends RepositoryFixture {

    private static final int SIZE = 4;
    private static final QueueName ARENA = QueueName.of("arena");

    private Matchmaker fours;

    @BeforeEach
    void matchesOfFour() {
        fours = matchmaker(RULES.withMatchSize(SIZE).withWaitTimeout(Duration.ofSeconds(60)));
    }

    private JoinResult party(String submitter, String... members) {
        return fours.join(request(submitter, members));
    }

    private static JoinRequest request(String submitter, String... members) {
        return JoinRequest.of(player(submitter)).withParty(Arrays.stream(members).map(Players::player).toList());
    }

    private Match solo(String name) {
        return fours.join(player(name)).match();
    }

    @Test
    void aPartyIsPlacedTogetherAndEveryMemberFindsTheSameMatch() {
        Match match = party("p1", "p2", "p3").match();

        assertThat(match.players()).containsExactly(player("p1"), player("p2"), player("p3"));
        assertThat(match.isReady()).isFalse();
        assertThat(match.version()).as("one change, however many join").isEqualTo(1);
        for (String member : List.of("p1", "p2", "p3")) {
            assertThat(fours.findPlayerMatch(player(member))).contains(match);
            assertThat(repository.findWaitingPlayer(player(member))).get()
                    .extracting(WaitingPlayer::ticket).isEqualTo(player("p1"));
        }
    }

    @Test
    void aPartyGoesIntoTheOldestWaitingMatchWithEnoughSeatsElseOpensOne() {
        Match first = solo("a1");
        solo("a2");
        solo("a3");
        Match second = party("b1", "b2").match();
        assertThat(second.id()).as("three seats taken of four: a pair opens a match").isNotEqualTo(first.id());

        Match filled = solo("c1");
        assertThat(filled.id()).as("a solo player takes the oldest free seat").isEqualTo(first.id());
        assertThat(filled.isReady()).isTrue();

        Match joined = solo("d1");
        assertThat(joined.id()).isEqualTo(second.id());
        assertThat(joined.players()).containsExactly(player("b1"), player("b2"), player("d1"));
        Match third = party("e1", "e2").match();
        assertThat(third.id()).isNotEqualTo(second.id());
        assertThat(fours.queues()).singleElement().extracting(QueueStatus::playersWaiting).isEqualTo(5);

        Match fourth = party("f1", "f2", "f3", "f4").match();
        assertThat(fourth.isReady()).as("a party of the match size is ready at once").isTrue();
        assertThat(fourth.players()).containsExactly(player("f1"), player("f2"), player("f3"), player("f4"));
    }

    @Test
    void thePartyThatFillsAMatchMakesItReadyInItsOwnAnswerAndReleasesEveryPlace() {
        solo("a1");
        solo("a2");
        Match ready = party("b1", "b2").match();

        assertThat(ready.isReady()).isTrue();
        assertThat(ready.players()).containsExactly(player("a1"), player("a2"), player("b1"), player("b2"));
        assertThat(listener.events(MatchReady.class)).singleElement().satisfies(event -> assertThat(event.match()).isEqualTo(ready));
        for (String player : List.of("a1", "a2", "b1", "b2")) {
            assertThat(repository.findWaitingPlayer(player(player))).isEmpty();
            assertThat(fours.findPlayerMatch(player(player))).contains(ready);
        }
        assertThat(fours.queues()).isEmpty();
    }

    @Test
    void aPartyLargerThanAMatchIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> party("p1", "p2", "p3", "p4", "p5")).isInstanceOf(PartyTooLargeException.class);

        assertThat(repository.findWaitingPlayer(player("p1"))).isEmpty();
        assertThat(fours.queues()).isEmpty();
    }

    @Test
    void aMemberListedTwiceOrTheSubmitterListedAgainCountsOnce() {
        Match match = fours.join(JoinRequest.of(player("p1"))
                .withParty(List.of(player("p2"), player("p1"), player("p2")))).match();

        assertThat(match.players()).containsExactly(player("p1"), player("p2"));
    }

    @Test
    void aPartyWithAMemberWhoAlreadyWaitsAnywhereIsRefusedAndChangesNothing() {
        Match waiting = solo("p2");
        fours.join(new JoinRequest(player("p7"), ARENA));

        assertThatThrownBy(() -> party("p1", "p2", "p3")).isInstanceOf(PartyMemberWaitingException.class);
        assertThatThrownBy(() -> fours.join(new JoinRequest(player("p1"), ARENA).withParty(List.of(player("p7")))))
                .isInstanceOf(PartyMemberWaitingException.class);

        assertThat(fours.findMatch(waiting.id())).contains(waiting);
        for (String outside : List.of("p1", "p3")) {
            assertThat(repository.findWaitingPlayer(player(outside))).isEmpty();
        }
        assertThat(listener.events()).hasSize(2);
    }

    @Test
    void theSamePartyJoiningAgainIsAnsweredItsMatchAndEveryMembersTimerStartsAgain() {
        Match placed = party("p1", "p2", "p3").match();
        clock.advanceSeconds(30);

        JoinResult again = party("p1", "p3", "p2");

        assertThat(again).isInstanceOf(JoinResult.AlreadyWaiting.class);
        assertThat(again.match()).isEqualTo(placed);
        for (String member : List.of("p1", "p2", "p3")) {
            WaitingPlayer place = repository.findWaitingPlayer(player(member)).orElseThrow();
            assertThat(place.joinedAt()).isEqualTo(ManualClock.START);
            assertThat(place.lastJoinAt()).isEqualTo(ManualClock.START.plusSeconds(30));
        }
    }

    @Test
    void anotherShapeOfAWaitingPartyIsRefused() {
        Match placed = party("p1", "p2").match();

        assertThatThrownBy(() -> party("p1", "p2", "p3")).isInstanceOf(PartyMemberWaitingException.class);
        assertThatThrownBy(() -> solo("p1")).as("the submitter alone").isInstanceOf(PartyMemberWaitingException.class);
        assertThatThrownBy(() -> solo("p2")).as("a member alone").isInstanceOf(PartyMemberWaitingException.class);
        assertThatThrownBy(() -> party("p2", "p1")).as("the same players, another submitter")
                .isInstanceOf(PartyMemberWaitingException.class);

        assertThat(fours.findMatch(placed.id())).contains(placed);
        assertThat(repository.findWaitingPlayer(player("p3"))).isEmpty();
    }

    @Test
    void aWaitingPartyJoiningAnotherQueueIsAnsweredWhereItWaits() {
        Match placed = party("p1", "p2").match();
        clock.advanceSeconds(10);

        JoinResult elsewhere = fours.join(new JoinRequest(player("p1"), ARENA).withParty(List.of(player("p2"))));

        assertThat(elsewhere).isInstanceOf(JoinResult.AlreadyWaiting.class);
        assertThat(elsewhere.match()).isEqualTo(placed);
        assertThat(repository.findWaitingPlayer(player("p2")).orElseThrow().lastJoinAt())
                .isEqualTo(ManualClock.START.plusSeconds(10));
        assertThatThrownBy(() -> fours.join(new JoinRequest(player("p1"), ARENA)))
                .isInstanceOf(PartyMemberWaitingException.class);
    }

    @Test
    void aLeaveByAnyMemberRemovesTheWholePartyAndNobodyElse() {
        solo("s1");
        party("p1", "p2");

        LeaveResult left = fours.leave(player("p2"));

        assertThat(left).isInstanceOfSatisfying(LeaveResult.Left.class,
                result -> assertThat(result.match().players()).containsExactly(player("s1")));
        for (String member : List.of("p1", "p2")) {
            assertThat(repository.findWaitingPlayer(player(member))).isEmpty();
            assertThat(fours.leave(player(member))).isInstanceOf(LeaveResult.NotWaiting.class);
        }
        assertThat(listener.events(PlayerLeft.class)).extracting(PlayerLeft::player)
                .containsExactlyInAnyOrder(player("p1"), player("p2"));
        assertThat(party("p2", "p3").match().players()).as("its members may then join in another shape")
                .containsExactly(player("s1"), player("p2"), player("p3"));
    }

    @Test
    void aPartyExpiresAsOneAndARefreshedPlayerDoesNot() {
        party("p1", "p2");
        solo("q1");
        clock.advanceSeconds(40);
        solo("q1");
        clock.advanceSeconds(30);

        assertThat(fours.sweep().expiredPlayers()).isEqualTo(2);

        assertThat(listener.events(PlayerExpired.class)).extracting(PlayerExpired::player)
                .containsExactlyInAnyOrder(player("p1"), player("p2"));
        assertThat(fours.findPlayerMatch(player("q1")).orElseThrow().players()).containsExactly(player("q1"));
    }

    @Test
    void aKeyedPartyJoinRepeatedIsAnsweredItsMatchAndTheKeyCannotNameAnotherParty() {
        IdempotencyKey key = IdempotencyKey.of("party-1");
        Match placed = fours.join(request("p1", "p2").withKey(key)).match();
        solo("s1");

        JoinResult repeated = fours.join(request("p1", "p2").withKey(key));

        assertThat(repeated).isInstanceOf(JoinResult.Replayed.class);
        assertThat(repeated.match().id()).isEqualTo(placed.id());
        assertThat(repeated.match().players()).containsExactly(player("p1"), player("p2"), player("s1"));
        assertThatThrownBy(() -> fours.join(request("p1", "p3").withKey(key)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void anEmptiedOlderMatchIsTheFirstFitAgain() {
        Match first = party("p1", "p2", "p3").match();
        Match second = party("q1", "q2").match();
        fours.leave(player("p1"));

        Match placed = party("r1", "r2", "r3").match();

        assertThat(placed.id()).isEqualTo(first.id());
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(fours.queues()).singleElement().extracting(QueueStatus::playersWaiting).isEqualTo(5);
    }
}
