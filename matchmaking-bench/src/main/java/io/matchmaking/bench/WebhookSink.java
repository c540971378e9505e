package io.matchmaking.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;

/**
 * {@code WebhookSink <port>}: a healthy, fast webhook receiver for benchmarks. It answers every
 * POST 204 at once and records, per event, the time from the change (the body's {@code timestamp},
 * the matchmaker's time of record) to its arrival here. {@code GET /report} prints the count and
 * the percentiles of everything received since the last report, and starts a new interval.
 * It does not verify signatures (a real receiver would, at its own cost, not the server's).
 */
public final class WebhookSink {

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    private WebhookSink() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Recorder latencyMicros = new Recorder(3);
        AtomicLong late = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            long arrived = Instant.now().toEpochMilli();
            Matcher timestamp = TIMESTAMP.matcher(body);
            if (timestamp.find()) {
                long micros = Math.max(0, arrived - Instant.parse(timestamp.group(1)).toEpochMilli()) * 1000;
                if (micros > 60_000_000L) {
                    late.incrementAndGet();
                } else {
                    latencyMicros.recordValue(micros);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/report", exchange -> {
            var interval = latencyMicros.getIntervalHistogram();
            String report = String.format("events %d  commit-to-arrival p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  over 60 s %d%n",
                    interval.getTotalCount(), interval.getValueAtPercentile(50) / 1000.0,
                    interval.getValueAtPercentile(90) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
                    interval.getMaxValue() / 1000.0, late.getAndSet(0));
            byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }
}
