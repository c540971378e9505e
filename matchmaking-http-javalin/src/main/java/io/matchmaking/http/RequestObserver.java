package io.matchmaking.http;

import io.javalin.http.Context;
import io.matchmaking.http.console.RequestCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once per answer, after it is written: one access log line (method, route, status,
 * duration, request id, also as key-value pairs for the JSON log format) and the
 * {@code http.server.requests} timer tagged by route template, method, status and outcome; and
 * the console's request counts.
 *
 * <p>It is Jetty's request log, not Javalin's: Jetty calls it exactly once for every answer it
 * completes, including the ones it gives itself before any route runs (a malformed request line
 * or path, headers too large, the 503 of a server shutting down). Javalin tells it the route
 * template of the requests it routed ({@link #rememberRoute}); the others are {@link Routes#UNKNOWN}.
 */
final class RequestObserver implements RequestLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("io.matchmaking.access");
    private static final String ROUTE = RequestObserver.class.getName() + ".route";
    /** The method tag of a request whose method is not one HTTP defines (it is the client's text). */
    private static final String OTHER_METHOD = "OTHER";

    private final MeterRegistry registry;
    private final RequestCounts counts;
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String uri, int status) {
    }

    RequestObserver(MeterRegistry registry, RequestCounts counts) {
        this.registry = registry;
        this.counts = counts;
    }

    /** Javalin's request logger: notes the route template where the Jetty request log finds it. */
    static void rememberRoute(Context ctx, Float millis) {
        ctx.attribute(ROUTE, Routes.template(ctx));
    }

    @Override
    public void log(Request request, Response response) {
        String method = method(request);
        String route = request.getAttribute(ROUTE) instanceof String template ? template : Routes.UNKNOWN;
        int status = response.getStatus();
        long micros = TimeUnit.NANOSECONDS.toMicros(NanoTime.since(request.getBeginNanoTime()));
        timers.computeIfAbsent(new TimerKey(method, route, status), this::timer).record(micros, TimeUnit.MICROSECONDS);
        if (countsForTheConsole(route, status)) {
            counts.record(status);
        }
        if (ACCESS.isInfoEnabled()) {
            String requestId = RequestIds.of(request);
            String duration = milliseconds(micros);
            ACCESS.atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", micros / 1000.0)
                    .addKeyValue("request_id", requestId)
                    .log("{} {} {} {}ms request_id={}", method, route, status, duration, requestId);
        }
    }

    /**
     * Whether an answer counts in the console's request and error rates: the API's answers, not
     * health probes or scrapes (a load balancer's probes answered 503 in an outage would drown the
     * API's own errors), nor the console's own figures and files; but a console request refused
     * (a guessed credential, a probed path) does count.
     */
    private static boolean countsForTheConsole(String route, int status) {
        if (AdminRoutes.PATHS.contains(route)) {
            return false;
        }
        return !ConsoleRoutes.isConsole(route) || status >= 400;
    }

    /**
     * The method as HTTP names it; anything else (a malformed request line can carry any text) is
     * {@value #OTHER_METHOD}, so a client can neither forge log lines nor mint metric series.
     */
    private static String method(Request request) {
        HttpMethod known = HttpMethod.fromString(request.getMethod());
        return known == null ? OTHER_METHOD : known.asString();
    }

    /** {@code 1234} microseconds as {@code "1.234"}, without a Formatter: this runs for every request. */
    static String milliseconds(long micros) {
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by route template")
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", outcome(key.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }
}
