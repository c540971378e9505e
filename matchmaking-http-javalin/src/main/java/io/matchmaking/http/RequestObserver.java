package io.matchmaking.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once per request after the response is written: one access log line (method, route,
 * status, duration, request id, also as key-value pairs for the JSON log format) and the
 * {@code http.server.requests} timer tagged by route template, method, status and outcome.
 */
final class RequestObserver {

    private static final Logger ACCESS = LoggerFactory.getLogger("io.matchmaking.access");

    private final MeterRegistry registry;
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String uri, int status) {
    }

    RequestObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    void observe(Context ctx, Float millis) {
        String method = ctx.method().name();
        String route = Routes.template(ctx);
        int status = ctx.statusCode();
        long micros = (long) (millis * 1_000L);
        timers.computeIfAbsent(new TimerKey(method, route, status), this::timer).record(micros, TimeUnit.MICROSECONDS);
        if (ACCESS.isInfoEnabled()) {
            String requestId = RequestIds.of(ctx);
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
