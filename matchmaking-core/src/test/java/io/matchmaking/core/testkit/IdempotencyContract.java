package io.matchmaking.core.testkit;

import static io.matchmaking.core.testkit.Players.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.Deadline;
import io.matchmaking.core.IdempotencyKeyReusedException;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.LeaveRequest;
import io.matchmaking.core.LeaveResult;
import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys on every store: a request repeated with its key answers the first one's match
 * as it is now and never takes a second place; the same key for another request changes nothing;
 * records last as long as the match retention. A store module extends this class.
 */
public abstract class IdempotencyContract extends RepositoryFixture {

    private static final IdempotencyKey KEY = IdempotencyKey.of("k-1");

    private static JoinRequest keyedJoin(String name) {
        return JoinRequest.of(player(name)).withKey(KEY);
    }

    @Test
    void aRepeatedJoinAnswersTheFirstJoinsMatchAndTakesNoSecondPlace() {
        Match first = matchmaker.join(keyedJoin("p1")).match();

        JoinResult again = matchmaker.join(keyedJoin("p1"));

        assertThat(again).isInstanceOf(JoinResult.Replayed.class);
        assertThat(again.match()).isEqualTo(first);
        assertThat(repository.findIdempotencyRecord(new IdempotencyRecord.Id(player("p1"), KEY)))
                .map(IdempotencyRecord::match).contains(first.id());
    }

    @Test
    void aJoinRepeatedAfterItsMatchBecameReadyAnswersTheReadyMatchNotANewPlace() {
        matchmaker.join(keyedJoin("p1"));
        matchmaker.join(player("p2"));
        Match ready = matchmaker.join(player("p3")).match();

        JoinResult again = matchmaker.join(keyedJoin("p1"));

        assertThat(again.match()).isEqualTo(ready);
        assertThat(repository.findWaitingPlayer(player("p1"))).as("no second place").isEmpty();
    }

    @Test
    void theCompletingJoinRepeatedAnswersItsReadyMatch() {
        matchmaker.join(player("p1"));
        matchmaker.join(player("p2"));
        Match ready = matchmaker.join(keyedJoin("p3")).match();

        assertThat(matchmaker.join(keyedJoin("p3")).match()).isEqualTo(ready);
        assertThat(repository.findWaitingPlayer(player("p3"))).isEmpty();
    }

    @Test
    void aRepeatInTheSameBatchAnswersTheSameMatch() {
        List<JoinResult> results = matchmaker.joinAll(List.of(keyedJoin("p1"), keyedJoin("p1"), JoinRequest.of(player("p2"))));

        assertThat(results.get(1)).isInstanceOf(JoinResult.Replayed.class);
        assertThat(results.get(1).match().id()).isEqualTo(results.get(0).match().id());
        assertThat(results.get(2).match().players()).containsExactly(player("p1"), player("p2"));
    }

    @Test
    void theSameKeyForAnotherQueueIsRefusedAndChangesNothing() {
        Match first = matchmaker.join(keyedJoin("p1")).match();

        assertThatThrownBy(() -> matchmaker.join(new JoinRequest(player("p1"), QueueName.of("arena")).withKey(KEY)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(repository.findWaitingPlayer(player("p1")).orElseThrow().matchId()).isEqualTo(first.id());
    }

    @Test
    void keysAreScopedToThePlayer() {
        Match first = matchmaker.join(keyedJoin("p1")).match();

        Match other = matchmaker.join(keyedJoin("p2")).match();

        assertThat(other.players()).containsExactly(player("p1"), player("p2"));
        assertThat(first.players()).containsExactly(player("p1"));
    }

    @Test
    void aRepeatedLeaveAnswersTheFirstLeavesMatch() {
        matchmaker.join(player("p1"));
        matchmaker.join(player("p2"));
        LeaveRequest leave = new LeaveRequest(player("p1"), Deadline.none(), Optional.of(KEY));
        Match left = ((LeaveResult.Left) matchmaker.leave(leave)).match();

        LeaveResult again = matchmaker.leave(leave);

        assertThat(again).isEqualTo(new LeaveResult.Left(left));
    }

    @Test
    void aJoinKeyUsedForALeaveIsRefused() {
        matchmaker.join(keyedJoin("p1"));

        assertThatThrownBy(() -> matchmaker.leave(new LeaveRequest(player("p1"), Deadline.none(), Optional.of(KEY))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(repository.findWaitingPlayer(player("p1"))).isPresent();
    }

    @Test
    void recordsLastAsLongAsTheRetentionThenTheKeyIsNew() {
        Match first = matchmaker.join(keyedJoin("p1")).match();
        matchmaker.join(player("p2"));
        matchmaker.join(player("p3"));

        clock.advance(RULES.retention().plus(Duration.ofSeconds(1)));
        matchmaker.sweep();

        assertThat(repository.findIdempotencyRecord(new IdempotencyRecord.Id(player("p1"), KEY))).isEmpty();
        Match fresh = matchmaker.join(keyedJoin("p1")).match();
        assertThat(fresh.id()).isNotEqualTo(first.id());
        assertThat(fresh.players()).containsExactly(player("p1"));
    }
}
