package io.matchmaking.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.GroupCommitJoiner;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.StoreUnavailableException;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.Concurrently;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit that fails fails every join in it, and only those: other queues' joins still commit. */
class GroupCommitFailureTest {

    private static final QueueName BROKEN = QueueName.of("broken");

    @Test
    void aFailedUnitFailsItsJoinsOnly() throws Exception {
        InMemoryMatchRepository real = new InMemoryMatchRepository();
        MatchRepository failingForOneQueue = FailingUnits.around(real,
                queue -> BROKEN.equals(queue) ? new StoreUnavailableException("queue broken is down") : null);
        GroupCommitJoiner joiner = new GroupCommitJoiner(Matchmaker.builder(failingForOneQueue).build(), 64);

        List<String> outcomes = Concurrently.run(8, t -> {
            QueueName queue = t % 2 == 0 ? BROKEN : QueueName.DEFAULT;
            try {
                joiner.join(new JoinRequest(PlayerId.of("p" + t), queue));
                return queue + ":ok";
            } catch (StoreUnavailableException e) {
                return queue + ":unavailable";
            }
        });

        assertThat(outcomes).filteredOn(o -> o.startsWith("broken")).containsOnly("broken:unavailable").hasSize(4);
        assertThat(outcomes).filteredOn(o -> o.startsWith("default")).containsOnly("default:ok").hasSize(4);
        assertThat(real.findWaitingPlayer(PlayerId.of("p0"))).isEmpty();
        assertThat(real.findCurrentMatchOf(PlayerId.of("p1"))).isPresent();
    }
}
