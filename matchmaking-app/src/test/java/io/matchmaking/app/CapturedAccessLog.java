package io.matchmaking.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** The access log lines (or every log line) of the servers in this JVM, from {@link #capture()} to {@link #close()}. */
final class CapturedAccessLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Logger access;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    private CapturedAccessLog(String logger) {
        this.access = (Logger) LoggerFactory.getLogger(logger);
    }

    static CapturedAccessLog capture() {
        return capture("io.matchmaking.access");
    }

    /** Every logger's lines, not only the access log's. */
    static CapturedAccessLog captureAll() {
        return capture(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static CapturedAccessLog capture(String logger) {
        CapturedAccessLog log = new CapturedAccessLog(logger);
        log.start();
        log.access.addAppender(log);
        return log;
    }

    /** Each line so far as text: its message, key-value pairs and any exception's messages. */
    List<String> lines() {
        return events.stream().map(event -> event.getFormattedMessage() + " " + event.getKeyValuePairs()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
    }

    /** The access log is written after the response, so this polls (bounded) until {@code count} lines are in. */
    List<ILoggingEvent> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return List.copyOf(events);
    }

    /** The lines of requests that carried {@code X-Request-Id: requestId}, once {@code count} have been logged. */
    List<Map<String, Object>> awaitRequest(String requestId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Map<String, Object>> found = List.of();
        while (found.size() < count && System.nanoTime() < deadline) {
            found = events.stream().map(CapturedAccessLog::fields)
                    .filter(line -> requestId.equals(line.get("request_id"))).toList();
            if (found.size() < count) {
                Thread.sleep(5);
            }
        }
        return found;
    }

    static Map<String, Object> fields(ILoggingEvent event) {
        return event.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    }

    @Override
    public void close() {
        access.detachAppender(this);
        stop();
    }
}
