package io.matchmaking.http.console;

import java.time.Clock;
import java.time.Duration;

/**
 * Answers per second of this instance, with the client (4xx) and server (5xx) errors among them,
 * over the last few seconds: the console's request and error rates. Fed once per answer, from
 * the request log, so it sees the answers Jetty gives itself too.
 */
public final class RequestCounts {

    /** The seconds a rate is taken over: short enough to look live, long enough not to flicker. */
    public static final int RATE_WINDOW_SECONDS = 10;

    private final RollingCounts answers;
    private final RollingCounts clientErrors;
    private final RollingCounts serverErrors;

    /** Counts on the system clock. */
    public RequestCounts() {
        this(Clock.systemUTC());
    }

    RequestCounts(Clock clock) {
        answers = perSecond(clock);
        clientErrors = perSecond(clock);
        serverErrors = perSecond(clock);
    }

    private static RollingCounts perSecond(Clock clock) {
        return new RollingCounts(clock, Duration.ofSeconds(1), RATE_WINDOW_SECONDS + 1);
    }

    /** Counts one answer with {@code status}. */
    public void record(int status) {
        answers.add(1);
        if (status >= 500) {
            serverErrors.add(1);
        } else if (status >= 400) {
            clientErrors.add(1);
        }
    }

    /** The rates over the last {@value #RATE_WINDOW_SECONDS} whole seconds (fewer just after start). */
    public RequestRates rates() {
        RollingCounts.Window all = answers.window();
        return new RequestRates(all.perSecond(RATE_WINDOW_SECONDS),
                clientErrors.window().perSecond(RATE_WINDOW_SECONDS),
                serverErrors.window().perSecond(RATE_WINDOW_SECONDS),
                all.wholeOf(RATE_WINDOW_SECONDS));
    }

    /**
     * Answers per second.
     *
     * @param all          every answer
     * @param clientErrors those with a 4xx status
     * @param serverErrors those with a 5xx status
     * @param seconds      the whole seconds they are taken over: {@value #RATE_WINDOW_SECONDS}, fewer
     *                     while counting is younger than that
     */
    public record RequestRates(double all, double clientErrors, double serverErrors, int seconds) {

        /** The share of answers that were server errors, 0 without answers. */
        public double serverErrorRatio() {
            return all == 0 ? 0 : serverErrors / all;
        }
    }
}
