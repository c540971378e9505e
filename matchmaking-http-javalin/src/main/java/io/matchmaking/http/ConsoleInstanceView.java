package io.matchmaking.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.matchmaking.http.console.RequestCounts;

/**
 * {@code GET /console/api/instance}: the health of the instance that answers.
 *
 * @param ready                 whether a load balancer should send it traffic (store reachable, not stopping)
 * @param storeReachable        whether its store answers
 * @param shuttingDown          whether it is stopping
 * @param heldLongPolls         status requests it holds open until their match changes
 * @param requestsPerSecond     the API's answers per second (health probes, scrapes and the console's own
 *                              figures and files left out; its refusals counted)
 * @param clientErrorsPerSecond those of them with a 4xx status
 * @param serverErrorsPerSecond those of them with a 5xx status
 * @param serverErrorRatio      the share of answers that were 5xx, 0 to 1
 * @param rateWindowSeconds     the whole seconds the rates are taken over (fewer than 10 just after start)
 * @param uptimeSeconds         how long this server has run (since it was built, which its start follows at once)
 */
record ConsoleInstanceView(
        @JsonProperty("ready") boolean ready,
        @JsonProperty("store_reachable") boolean storeReachable,
        @JsonProperty("shutting_down") boolean shuttingDown,
        @JsonProperty("held_long_polls") int heldLongPolls,
        @JsonProperty("requests_per_second") double requestsPerSecond,
        @JsonProperty("client_errors_per_second") double clientErrorsPerSecond,
        @JsonProperty("server_errors_per_second") double serverErrorsPerSecond,
        @JsonProperty("server_error_ratio") double serverErrorRatio,
        @JsonProperty("rate_window_seconds") int rateWindowSeconds,
        @JsonProperty("uptime_seconds") long uptimeSeconds) {

    static ConsoleInstanceView of(boolean storeReachable, boolean shuttingDown, int heldLongPolls,
            RequestCounts.RequestRates rates, long uptimeSeconds) {
        return new ConsoleInstanceView(storeReachable && !shuttingDown, storeReachable, shuttingDown, heldLongPolls,
                hundredths(rates.all()), hundredths(rates.clientErrors()), hundredths(rates.serverErrors()),
                Math.round(rates.serverErrorRatio() * 10_000) / 10_000.0, rates.seconds(), uptimeSeconds);
    }

    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
