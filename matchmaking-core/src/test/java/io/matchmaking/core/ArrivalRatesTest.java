package io.matchmaking.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalRatesTest {

    private static final QueueName QUEUE = QueueName.of("q");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ArrivalRates rates = new ArrivalRates();

    /** A queue whose waiting players joined at these seconds after T0. */
    private static QueueStats waiting(int size, long... joinedAtSeconds) {
        Match match = Match.open(MatchId.of("m"), QUEUE, size, T0);
        List<WaitingPlayer> places = new ArrayList<>();
        for (int i = 0; i < joinedAtSeconds.length; i++) {
            PlayerId player = PlayerId.of("p" + i);
            match = match.withPlayer(player, T0);
            Instant at = T0.plusSeconds(joinedAtSeconds[i]);
            places.add(new WaitingPlayer(player, QUEUE, match.id(), at, at));
        }
        return new QueueStats(QUEUE, List.of(match), places);
    }

    @Test
    void playersWaitingOverTheTimeSinceTheFirstOfThemJoinedIsTheRate() {
        QueueStats queue = waiting(10, 0, 4, 8);
        rates.observe(List.of(queue), T0.plusSeconds(10));

        assertThat(rates.perSecond(QUEUE)).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(0.3, within(1e-9)));
        assertThat(rates.untilFull(queue.waitingMatches().get(0))).contains(Duration.ofMillis(23_333));
    }

    @Test
    void withoutASecondOfWaitingToMeasureThereIsNoEstimate() {
        assertThat(rates.perSecond(QUEUE)).isEmpty();
        rates.observe(List.of(waiting(3, 0)), T0.plusMillis(200));
        assertThat(rates.perSecond(QUEUE)).as("one player who just joined says nothing yet").isEmpty();
        rates.observe(List.of(new QueueStats(QUEUE, List.of(), List.of())), T0.plusSeconds(1));
        assertThat(rates.perSecond(QUEUE)).as("nobody waiting is no reading").isEmpty();
    }

    @Test
    void olderReadingsCountLessAndAQueueIdleForTenMinutesIsForgotten() {
        rates.observe(List.of(waiting(10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), T0.plusSeconds(10));
        assertThat(rates.perSecond(QUEUE)).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(1.0, within(1e-9)));

        // ten minutes later the queue is slow: the fresh reading dominates (e^-10 weight on the old)
        rates.observe(List.of(waiting(10, 590)), T0.plusSeconds(610));
        assertThat(rates.perSecond(QUEUE)).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(0.05, within(0.001)));

        rates.observe(List.of(), T0.plusSeconds(610 + 601));
        assertThat(rates.perSecond(QUEUE)).isEmpty();
    }
}
