package io.matchmaking.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.event.PlayerLeft;
import io.matchmaking.core.event.PlayerQueued;
import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.WorkResult;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The queue's rules on their own: a snapshot of a queue in, net changes and events out, no store. */
class QueueTest {

    private static final QueueName DEFAULT = QueueName.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final MatchmakingRules RULES = MatchmakingRules.ofSize(3).withWaitTimeout(Duration.ofSeconds(60));

    private final AtomicInteger ids = new AtomicInteger();
    private final MatchIdGenerator matchIds = () -> MatchId.of("m" + ids.incrementAndGet());
    private final QueueSnapshot snapshot = new QueueSnapshot(DEFAULT, RULES.matchSize());

    @Test
    void theFirstJoinOpensAMatchAndTheJoinThatFillsItMakesItReadyAndReleasesEveryPlace() {
        Queue queue = read(T0, "p1", "p2", "p3");
        List<JoinStep> steps = List.of(join(queue, "p1"), join(queue, "p2"), join(queue, "p3"));

        WorkResult<Decision<List<JoinStep>>> unit = queue.decided(steps);
        Match ready = ((JoinStep.Settled) steps.get(2)).result().match();
        assertThat(ready.isReady()).isTrue();
        assertThat(ready.players()).extracting(PlayerId::value).containsExactly("p1", "p2", "p3");
        assertThat(unit.changes().savedMatches()).containsExactly(ready);
        assertThat(unit.changes().claimed()).as("the places began and ended in this unit").isEmpty();
        assertThat(unit.answer().events()).hasSize(4).last().isInstanceOf(MatchReady.class);
        assertThat(unit.answer().events().subList(0, 3)).allMatch(PlayerQueued.class::isInstance);
    }

    @Test
    void aNewPlayerTakesTheNextPlaceOfTheQueuesWaitingMatch() {
        snapshot.waiting("m0", T0, "p1");
        Queue queue = read(T0.plusSeconds(1), "p2");
        JoinStep step = join(queue, "p2");

        QueueChanges changes = queue.decided(step).changes();
        assertThat(((JoinStep.Settled) step).result()).isInstanceOf(JoinResult.Queued.class);
        assertThat(changes.savedMatches()).singleElement().satisfies(match -> {
            assertThat(match.id()).isEqualTo(MatchId.of("m0"));
            assertThat(match.players()).extracting(PlayerId::value).containsExactly("p1", "p2");
        });
        assertThat(changes.claimed()).extracting(place -> place.player().value()).containsExactly("p2");
        assertThat(changes.released()).isEmpty();
    }

    @Test
    void aWaitingPlayerWhoJoinsAgainKeepsTheirPlaceWithTheTimerStartedAgain() {
        snapshot.waiting("m0", T0, "p1");
        Queue queue = read(T0.plusSeconds(30), "p1");
        JoinStep step = join(queue, "p1");

        QueueChanges changes = queue.decided(step).changes();
        assertThat(((JoinStep.Settled) step).result()).isInstanceOf(JoinResult.AlreadyWaiting.class);
        assertThat(changes.savedMatches()).isEmpty();
        assertThat(changes.refreshed()).singleElement().satisfies(place -> {
            assertThat(place.joinedAt()).isEqualTo(T0);
            assertThat(place.lastJoinAt()).isEqualTo(T0.plusSeconds(30));
        });
    }

    @Test
    void aPlayerWaitingInAnotherQueueIsAnsweredThereAndNothingChangesHere() {
        snapshot.places.put(PlayerId.of("p1"), new WaitingPlayer(PlayerId.of("p1"), QueueName.of("other"),
                MatchId.of("x"), T0, T0));
        Queue queue = read(T0, "p1");

        assertThat(join(queue, "p1")).isEqualTo(new JoinStep.WaitingElsewhere(QueueName.of("other")));
        assertThat(queue.decided(0).changes().isEmpty()).isTrue();
    }

    @Test
    void aJoinPastItsDeadlineChangesNothing() {
        Queue queue = read(T0, "p1");
        JoinStep step = queue.join(new JoinRequest(PlayerId.of("p1"), DEFAULT, Deadline.in(Duration.ofNanos(-1)),
                Optional.empty()), matchIds);

        assertThat(step).isInstanceOfSatisfying(JoinStep.Refused.class,
                refused -> assertThat(refused.failure()).isInstanceOf(DeadlineExceededException.class));
        assertThat(queue.decided(step).changes().isEmpty()).isTrue();
    }

    @Test
    void aKeyServedBeforeAnswersItsMatchAsItIsNowAndRefusesAnotherRequest() {
        snapshot.waiting("m0", T0, "p1", "p2");
        IdempotencyRecord.Id id = new IdempotencyRecord.Id(PlayerId.of("p1"), IdempotencyKey.of("k"));
        snapshot.records.put(id, new IdempotencyRecord(id, "join default", MatchId.of("m0"), T0));
        Queue queue = read(T0, "p1");

        JoinRequest again = JoinRequest.of(PlayerId.of("p1")).withKey(IdempotencyKey.of("k"));
        assertThat(queue.join(again, matchIds)).isEqualTo(new JoinStep.Settled(new JoinResult.Replayed(snapshot.waiting.get(0))));
        JoinRequest elsewhere = new JoinRequest(PlayerId.of("p1"), QueueName.of("q")).withKey(IdempotencyKey.of("k"));
        assertThat(queue.join(elsewhere, matchIds)).isInstanceOfSatisfying(JoinStep.Refused.class,
                refused -> assertThat(refused.failure()).isInstanceOf(IdempotencyKeyReusedException.class)
                        .hasMessageContaining("join default"));
        assertThat(queue.decided(0).changes().isEmpty()).isTrue();
    }

    @Test
    void aLeaveTakesThePlayerOutAndAPlayerOfAnotherQueueIsLookedForThere() {
        snapshot.waiting("m0", T0, "p1", "p2");
        Queue queue = read(T0.plusSeconds(5), "p1");

        Optional<LeaveResult> left = queue.leave(LeaveRequest.of(PlayerId.of("p1")));
        WorkResult<Decision<Optional<LeaveResult>>> unit = queue.decided(left);
        assertThat(left).get().isInstanceOf(LeaveResult.Left.class);
        assertThat(unit.changes().released()).extracting(PlayerId::value).containsExactly("p1");
        assertThat(unit.changes().savedMatches()).singleElement()
                .satisfies(match -> assertThat(match.players()).extracting(PlayerId::value).containsExactly("p2"));
        assertThat(unit.answer().events()).singleElement().isInstanceOf(PlayerLeft.class);

        snapshot.places.put(PlayerId.of("p9"), new WaitingPlayer(PlayerId.of("p9"), QueueName.of("other"),
                MatchId.of("x"), T0, T0));
        assertThat(read(T0, "p9").leave(LeaveRequest.of(PlayerId.of("p9")))).isEmpty();
        assertThat(read(T0, "nobody").leave(LeaveRequest.of(PlayerId.of("nobody"))))
                .contains(new LeaveResult.NotWaiting());
    }

    @Test
    void theSweepExpiresPlayersPastTheWaitTimeoutAndDeletesAMatchLeftEmptyPastTheRetention() {
        snapshot.waiting("m0", T0, "p1", "p2");
        snapshot.places.put(PlayerId.of("p2"), snapshot.places.get(PlayerId.of("p2")).refreshedAt(T0.plusSeconds(30)));
        Queue queue = read(T0.plusSeconds(61));

        assertThat(queue.expire()).isEqualTo(new SweepReport(1, 0, 0));
        WorkResult<Decision<Integer>> unit = queue.decided(0);
        assertThat(unit.changes().released()).extracting(PlayerId::value).containsExactly("p1");
        assertThat(unit.answer().events()).singleElement().isInstanceOf(PlayerExpired.class);

        QueueSnapshot empty = new QueueSnapshot(DEFAULT, RULES.matchSize());
        empty.waiting("m1", T0);
        Queue abandoned = Queue.read(empty, DEFAULT, RULES, T0.plus(RULES.retention()), List.of(), Set.of());
        assertThat(abandoned.expire()).isEqualTo(new SweepReport(0, 0, 1));
        assertThat(abandoned.decided(0).changes().deletedMatches()).containsExactly(MatchId.of("m1"));
    }

    @Test
    void aPlaceThatPointsAtAnotherMatchThanTheQueuesIsABrokenStoreNotAnAnswer() {
        snapshot.waiting("m0", T0, "p1");
        snapshot.places.put(PlayerId.of("p1"), new WaitingPlayer(PlayerId.of("p1"), DEFAULT, MatchId.of("gone"), T0, T0));
        Queue queue = read(T0, "p1");

        assertThatThrownBy(() -> join(queue, "p1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store is inconsistent");
    }

    private Queue read(Instant now, String... players) {
        List<PlayerId> ids = new ArrayList<>();
        for (String player : players) {
            ids.add(PlayerId.of(player));
        }
        Set<IdempotencyRecord.Id> keys = Set.copyOf(snapshot.records.keySet());
        return Queue.read(snapshot, DEFAULT, RULES, now, ids, keys);
    }

    private JoinStep join(Queue queue, String player) {
        return queue.join(JoinRequest.of(PlayerId.of(player)), matchIds);
    }
}
