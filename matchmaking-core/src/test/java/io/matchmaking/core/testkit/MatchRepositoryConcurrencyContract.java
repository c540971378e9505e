package io.matchmaking.core.testkit;

import static io.matchmaking.core.testkit.Players.player;
import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.GroupCommitJoiner;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.LeaveResult;
import io.matchmaking.core.PartyMemberWaitingException;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.QueueStatus;
import io.matchmaking.core.RetryReason;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.WorkResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Races that would break a store that is not atomic per queue, run unchanged against each store.
 * Threads start together on a barrier; nothing sleeps. A store may lower {@link #playersPerThread()}
 * only if it is too slow for the default, never to hide a failure.
 */
public abstract class MatchRepositoryConcurrencyContract extends RepositoryFixture {

    /** Players each of the 16 threads joins in the big race; 2,000 by default. */
    protected int playersPerThread() {
        return 2_000;
    }

    /** Rounds of the leave-versus-completing-join race. */
    protected int raceRounds() {
        return 200;
    }

    @Test
    void sixteenThreadsOfDistinctPlayersKeepEveryInvariant() throws Exception {
        int threads = 16;
        int perThread = playersPerThread();
        List<Map<PlayerId, JoinResult>> byThread = Concurrently.run(threads, t -> {
            Map<PlayerId, JoinResult> answers = new LinkedHashMap<>();
            for (PlayerId player : Players.named("t" + t + "-", perThread)) {
                answers.put(player, matchmaker.join(player));
            }
            return answers;
        });

        Map<PlayerId, JoinResult> all = new HashMap<>();
        byThread.forEach(all::putAll);
        assertThat(all).hasSize(threads * perThread);
        Map<MatchId, Match> finals = MatchInvariants.check(matchmaker, all, RULES.matchSize());
        long waiting = finals.values().stream().filter(match -> !match.isReady()).count();
        assertThat(waiting).isLessThanOrEqualTo(1);
        assertThat(finals.values().stream().filter(Match::isReady).count())
                .isEqualTo((long) (threads * perThread) / RULES.matchSize());
        byThread.forEach(answers -> assertFirstComeFirstServed(answers, finals));
    }

    @Test
    void groupCommittedJoinsKeepEveryInvariantAndTheirOrder() throws Exception {
        GroupCommitJoiner joiner = new GroupCommitJoiner(matchmaker, 64);
        int threads = 16;
        int perThread = Math.max(30, playersPerThread() / 4);
        List<Map<PlayerId, JoinResult>> byThread = Concurrently.run(threads, t -> {
            Map<PlayerId, JoinResult> answers = new LinkedHashMap<>();
            for (PlayerId player : Players.named("g" + t + "-", perThread)) {
                answers.put(player, joiner.join(JoinRequest.of(player)));
            }
            return answers;
        });

        Map<PlayerId, JoinResult> all = new HashMap<>();
        byThread.forEach(all::putAll);
        Map<MatchId, Match> finals = MatchInvariants.check(matchmaker, all, RULES.matchSize());
        byThread.forEach(answers -> assertFirstComeFirstServed(answers, finals));
    }

    /** A thread's players sit in matches created in its join order, and in order inside each match. */
    private static void assertFirstComeFirstServed(Map<PlayerId, JoinResult> answers, Map<MatchId, Match> finals) {
        Map<MatchId, Integer> order = new HashMap<>();
        finals.keySet().forEach(id -> order.put(id, order.size()));
        long previous = -1;
        for (Map.Entry<PlayerId, JoinResult> answer : answers.entrySet()) {
            Match match = finals.get(answer.getValue().match().id());
            long rank = (long) order.get(match.id()) * 1_000 + match.players().indexOf(answer.getKey());
            assertThat(rank).as("FIFO for %s", answer.getKey()).isGreaterThan(previous);
            previous = rank;
        }
    }

    @Test
    void theSamePlayerJoiningFromEightThreadsHoldsOnePlace() throws Exception {
        List<JoinResult> answers = Concurrently.run(8, t -> matchmaker.join(player("twin")));

        assertThat(answers).extracting(answer -> answer.match().id()).containsOnly(answers.get(0).match().id());
        assertThat(answers).filteredOn(JoinResult.Queued.class::isInstance).hasSize(1);
        assertThat(matchmaker.findMatch(answers.get(0).match().id()).orElseThrow().players())
                .containsExactly(player("twin"));
    }

    /**
     * The port's promise that a store runs a unit once: a claim taken by another queue while a unit
     * decides is refused as {@link RetryReason#CLAIM_CONFLICT}, and it is the core that runs the
     * unit again, which then finds the player in the other queue. The other queue's join runs on a
     * second thread while the first unit holds its lock; a store that serialized the two queues
     * would fail the join's timeout instead of hanging.
     */
    @Test
    void aClaimTakenWhileAUnitDecidesIsRefusedOnceAndTheCoreRunsTheUnitAgain() throws Exception {
        PlayerId twin = player("twin");
        QueueName first = QueueName.of("first");
        QueueName second = QueueName.of("second");
        AtomicInteger decisions = new AtomicInteger();
        List<RetryReason> heard = new CopyOnWriteArrayList<>();
        ExecutorService rival = Executors.newSingleThreadExecutor();
        MatchRepository racing = new ForwardingRepository(repository) {
            @Override
            public <T> T inQueue(QueueName queue, QueueWork<T> work) {
                return super.inQueue(queue, unit -> {
                    WorkResult<T> decided = work.decide(unit);
                    if (queue.equals(first) && decisions.getAndIncrement() == 0) {
                        await(rival.submit(() -> matchmaker.join(new JoinRequest(twin, second))));
                    }
                    return decided;
                });
            }
        };
        Matchmaker racer = Matchmaker.builder(racing).clock(clock).clockOverridesStore(true)
                .matchIds(matchIds).retryListener(heard::add).build();
        try {
            JoinResult answer = racer.join(new JoinRequest(twin, first));

            assertThat(heard).containsExactly(RetryReason.CLAIM_CONFLICT);
            assertThat(decisions).as("refused once by the store, run again once by the core").hasValue(2);
            assertThat(answer.match().queue()).isEqualTo(second);
            assertThat(repository.findWaitingPlayer(twin).orElseThrow().queue()).isEqualTo(second);
        } finally {
            rival.shutdownNow();
        }
    }

    private static void await(Future<?> rivalJoin) {
        try {
            rivalJoin.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other queue's join did not commit while this unit decided", e);
        }
    }

    @Test
    void theSamePlayerJoiningTwoQueuesAtOnceWaitsInOne() throws Exception {
        for (int r = 0; r < raceRounds(); r++) {
            int round = r;
            PlayerId twin = player("twin" + round);
            List<JoinResult> answers = Concurrently.run(2, t ->
                    matchmaker.join(new JoinRequest(twin, QueueName.of("q" + t + "-" + (round % 3)))));

            assertThat(answers.get(0).match().id()).isEqualTo(answers.get(1).match().id());
            assertThat(matchmaker.queues().stream().mapToInt(QueueStatus::playersWaiting).sum()).isEqualTo(1);
            assertThat(matchmaker.leave(twin)).isInstanceOf(LeaveResult.Left.class);
        }
    }

    @Test
    void twoPartiesSharingAMemberRacingIntoTwoQueuesPlaceExactlyOne() throws Exception {
        for (int r = 0; r < raceRounds(); r++) {
            int round = r;
            PlayerId shared = player("shared" + round);
            List<Object> answers = Concurrently.run(2, t -> {
                JoinRequest party = new JoinRequest(player("lead" + t + "-" + round), QueueName.of("side" + t))
                        .withParty(List.of(shared)); // two of three seats: the placed party waits
                try {
                    return matchmaker.join(party);
                } catch (PartyMemberWaitingException refused) {
                    return refused;
                }
            });

            assertThat(answers).filteredOn(JoinResult.class::isInstance).as("round %d", round).hasSize(1);
            assertThat(answers).filteredOn(PartyMemberWaitingException.class::isInstance).hasSize(1);
            JoinResult placed = (JoinResult) answers.stream().filter(JoinResult.class::isInstance).findFirst().orElseThrow();
            assertThat(matchmaker.queues().stream().mapToInt(QueueStatus::playersWaiting).sum())
                    .as("only the placed party waits").isEqualTo(2);
            assertThat(matchmaker.leave(shared)).isInstanceOf(LeaveResult.Left.class);
            assertThat(placed.match().players()).contains(shared);
        }
    }

    @Test
    void aLeaveRacingTheCompletingJoinNeverLeavesAWrongMatch() throws Exception {
        for (int r = 0; r < raceRounds(); r++) {
            int round = r;
            QueueName queue = QueueName.of("race-" + round);
            PlayerId leaver = player("a" + round);
            matchmaker.join(new JoinRequest(leaver, queue));
            matchmaker.join(new JoinRequest(player("b" + round), queue));

            List<Object> answers = Concurrently.run(2, t -> t == 0
                    ? matchmaker.leave(leaver)
                    : matchmaker.join(new JoinRequest(player("c" + round), queue)));

            LeaveResult leave = (LeaveResult) answers.get(0);
            Match afterJoin = ((JoinResult) answers.get(1)).match();
            Match stored = matchmaker.findMatch(afterJoin.id()).orElseThrow();
            if (leave instanceof LeaveResult.Left) {
                assertThat(stored.isReady()).as("left, so the match is not full").isFalse();
                assertThat(stored.players()).doesNotContain(leaver).hasSize(2);
            } else {
                assertThat(stored.isReady()).as("not left, so the join completed the match").isTrue();
                assertThat(stored.players()).contains(leaver).hasSize(3);
            }
        }
    }
}
