package io.matchmaking.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestCountsTest {

    private final ManualClock clock = new ManualClock();
    private final RequestCounts counts = new RequestCounts(clock);

    /** Past the second counting began in, which is partial and so never in a rate. */
    @BeforeEach
    void leaveTheFirstSecond() {
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void ratesSplitClientAndServerErrorsOverTheWholeSecondsCounted() {
        for (int status : new int[] {200, 200, 304, 404, 429, 500, 503, 200}) {
            counts.record(status);
        }
        clock.advance(Duration.ofSeconds(1));

        RequestCounts.RequestRates rates = counts.rates();

        assertThat(rates.all()).isEqualTo(8.0);
        assertThat(rates.clientErrors()).isEqualTo(2.0);
        assertThat(rates.serverErrors()).isEqualTo(2.0);
        assertThat(rates.serverErrorRatio()).isEqualTo(0.25);
        assertThat(rates.seconds()).as("one whole second counted so far").isEqualTo(1);
    }

    @Test
    void theRatesAreTakenOverTheLastTenSecondsAndFallToNothingAfter() {
        counts.record(200);
        clock.advance(Duration.ofSeconds(RequestCounts.RATE_WINDOW_SECONDS));
        counts.record(500);
        assertThat(counts.rates().all()).isEqualTo(1.0 / RequestCounts.RATE_WINDOW_SECONDS);
        assertThat(counts.rates().serverErrors()).as("still in the current second").isZero();

        clock.advance(Duration.ofSeconds(RequestCounts.RATE_WINDOW_SECONDS + 1));

        assertThat(counts.rates()).isEqualTo(new RequestCounts.RequestRates(0, 0, 0, RequestCounts.RATE_WINDOW_SECONDS));
        assertThat(counts.rates().serverErrorRatio()).as("no answers, no ratio").isZero();
    }
}
