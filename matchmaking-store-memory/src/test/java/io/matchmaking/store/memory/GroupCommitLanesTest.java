package io.matchmaking.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.Deadline;
import io.matchmaking.core.DeadlineExceededException;
import io.matchmaking.core.GroupCommitJoiner;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.LeaveRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One queue's trouble stays in that queue: each queue's units run on a lane of their own. And a
 * join that could not start its unit before its deadline is answered as not taken and never runs.
 */
@Timeout(30)
class GroupCommitLanesTest {

    private static final QueueName STUCK = QueueName.of("stuck");

    private final InMemoryMatchRepository real = new InMemoryMatchRepository();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** Units of the queue "stuck" wait for {@link #release}, as behind a lock another instance holds. */
    private final GroupCommitJoiner joiner = new GroupCommitJoiner(Matchmaker.builder(FailingUnits.around(real, queue -> {
        if (queue.equals(STUCK)) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    })).build(), 64);

    @AfterEach
    void releaseTheStuckQueue() {
        release.countDown();
    }

    @Test
    void aQueueWhoseUnitWaitsDelaysNoOtherQueue() throws Exception {
        CompletableFuture<JoinResult> stuck = joiner.joinAsync(new JoinRequest(PlayerId.of("s1"), STUCK));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        JoinResult elsewhere = joiner.joinAsync(new JoinRequest(PlayerId.of("p1"), QueueName.DEFAULT)).get(5, TimeUnit.SECONDS);

        assertThat(elsewhere.match().players()).containsExactly(PlayerId.of("p1"));
        assertThat(stuck).as("the stuck queue's join still waits for its unit").isNotDone();
        release.countDown();
        assertThat(stuck.get(10, TimeUnit.SECONDS).match().players()).containsExactly(PlayerId.of("s1"));
    }

    @Test
    void aJoinThatWaitedPastItsDeadlineIsAnsweredNotTakenAndNeverRuns() throws Exception {
        CompletableFuture<JoinResult> first = joiner.joinAsync(new JoinRequest(PlayerId.of("s1"), STUCK));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<JoinResult> late = joiner.joinAsync(
                new JoinRequest(PlayerId.of("s2"), STUCK).withDeadline(Deadline.in(Duration.ofMillis(50))));
        // the deadline passes while the join waits behind the stuck unit
        long passed = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        while (System.nanoTime() - passed < 0) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).match().players()).containsExactly(PlayerId.of("s1"));
        try {
            late.get(10, TimeUnit.SECONDS);
            throw new AssertionError("a join past its deadline was taken");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DeadlineExceededException.class);
        }
        assertThat(real.findWaitingPlayer(PlayerId.of("s2"))).as("never placed").isEmpty();
        assertThat(real.findCurrentMatchOf(PlayerId.of("s1")).orElseThrow().players()).containsExactly(PlayerId.of("s1"));
    }

    @Test
    void aJoinWithADeadlineAheadIsTaken() {
        JoinResult taken = joiner.join(JoinRequest.of(PlayerId.of("p1")).withDeadline(Deadline.in(Duration.ofMinutes(1))));

        assertThat(taken.match().players()).containsExactly(PlayerId.of("p1"));
    }

    @Test
    void aLeavePastItsDeadlineChangesNothing() {
        Matchmaker matchmaker = Matchmaker.builder(real).build();
        matchmaker.join(PlayerId.of("p1"));
        Deadline passed = Deadline.after(System.nanoTime() - TimeUnit.SECONDS.toNanos(1), Duration.ZERO);

        assertThatThrownBy(() -> matchmaker.leave(new LeaveRequest(PlayerId.of("p1"), passed, Optional.empty())))
                .isInstanceOf(DeadlineExceededException.class);
        assertThat(real.findWaitingPlayer(PlayerId.of("p1"))).isPresent();
    }
}
