package io.matchmaking.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.testkit.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure concerns only what failed: a join that committed is never reported failed because
 * another join of its batch failed, and one queue's failing sweep does not stop the others.
 */
class FailureIsolationTest {

    private static final QueueName BROKEN = QueueName.of("broken");

    private final SnapshotStore store = new SnapshotStore(MatchmakingRules.DEFAULT.matchSize());
    private final ManualClock clock = new ManualClock();
    private final Matchmaker matchmaker = Matchmaker.builder(store).clock(clock).build();

    @Test
    void aRedirectThatFailsFailsOnlyItsOwnJoin() {
        matchmaker.join(new JoinRequest(PlayerId.of("p9"), BROKEN));
        store.failNext(BROKEN, new StoreUnavailableException("queue broken is down"));

        List<JoinAttempt> attempts = matchmaker.joinEach(List.of(
                JoinRequest.of(PlayerId.of("p1")), JoinRequest.of(PlayerId.of("p9")), JoinRequest.of(PlayerId.of("p2"))));

        assertThat(attempts.get(0).result().match().players()).containsExactly(PlayerId.of("p1"));
        assertThat(attempts.get(1).failure()).isInstanceOf(StoreUnavailableException.class);
        assertThat(attempts.get(2).result().match().players()).containsExactly(PlayerId.of("p1"), PlayerId.of("p2"));
    }

    @Test
    void oneQueuesFailingSweepDoesNotStopTheOthersNorThePurge() {
        matchmaker.join(new JoinRequest(PlayerId.of("stale-broken"), BROKEN));
        matchmaker.join(PlayerId.of("stale"));
        matchmaker.join(new JoinRequest(PlayerId.of("a"), QueueName.of("full")));
        matchmaker.join(new JoinRequest(PlayerId.of("b"), QueueName.of("full")));
        matchmaker.join(new JoinRequest(PlayerId.of("c"), QueueName.of("full")));
        store.failNext(BROKEN, new StoreUnavailableException("queue broken is down"));
        clock.advanceSeconds(3_601);

        SweepReport report = matchmaker.sweep();

        assertThat(report.expiredPlayers()).isEqualTo(1);
        assertThat(report.purgedReadyMatches()).isEqualTo(1);
        assertThat(matchmaker.findPlayerMatch(PlayerId.of("stale"))).isEmpty();
    }
}
