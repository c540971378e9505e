package io.matchmaking.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Endless traffic leaves nothing behind once the retention has passed: every structure drains. */
class BoundedMemoryTest {

    private final ManualClock clock = new ManualClock();
    private final InMemoryMatchRepository repository = new InMemoryMatchRepository();
    private final Matchmaker matchmaker = Matchmaker.builder(repository).clock(clock)
            .rules(MatchmakingRules.DEFAULT.withRetention(Duration.ofSeconds(60))).build();

    @Test
    void sizesReturnToZeroAfterRetentionWhateverTheTraffic() {
        for (int minute = 0; minute < 5; minute++) {
            for (int i = 0; i < 3_000; i++) {
                QueueName queue = QueueName.of("q" + (i % 50) + "-" + minute);
                matchmaker.join(new JoinRequest(PlayerId.of("m" + minute + "p" + i), queue));
            }
            matchmaker.leave(PlayerId.of("m" + minute + "p2999"));
            clock.advanceSeconds(30);
            matchmaker.sweep();
            assertThat(repository.sizes().matches()).as("bounded while traffic goes on").isLessThan(2 * 1_050);
        }
        clock.advance(Duration.ofMinutes(10));
        matchmaker.sweep();
        clock.advance(Duration.ofMinutes(10));
        matchmaker.sweep();

        assertThat(repository.sizes()).isEqualTo(new StoreSizes(0, 0, 0, 0, 0, 0));
    }
}
