package io.matchmaking.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections whose request line and headers trickle in (slowloris) or that were opened and
 * never sent a request: either past the read timeout. Jetty bounds the size of headers but not the
 * time they take; its idle timeout only bounds the silence between two bytes, and must outlast a
 * long poll. Such a client holds no thread, but holds a connection, of which there are only so many.
 *
 * <p>Jetty keeps the parser state in its HTTP/1 connection, a class of its {@code internal}
 * package ({@code SlowSendersTest} fails if an upgrade moves it), and in plain fields written by the
 * thread that parses: read from the sweep's thread they may be stale or torn. So a connection is
 * judged by what the sweeps themselves saw: still in the headers of the same request (no request
 * begun since, by Jetty's atomic count) at sweeps a read timeout apart.
 */
final class StalledConnections extends AbstractLifeCycle {

    private final Server server;
    private final Duration readTimeout;
    private final Duration every;
    private volatile Scheduler.Task next;
    /** Connections seen in the middle of a request's headers: since when, at which request. Only the sweep's thread uses it. */
    private final Map<EndPoint, InHeaders> inHeaders = new HashMap<>();

    private record InHeaders(long request, long sinceNanos) {
    }

    StalledConnections(Server server, Duration readTimeout) {
        this.server = server;
        this.readTimeout = readTimeout;
        this.every = readTimeout.dividedBy(4).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : readTimeout.dividedBy(4);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = server.getScheduler().schedule(this::sweep, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            long nowMillis = System.currentTimeMillis();
            long nowNanos = System.nanoTime();
            Set<EndPoint> seen = new HashSet<>();
            for (Connector connector : List.of(server.getConnectors())) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    seen.add(endPoint);
                    if (isStalled(endPoint, nowMillis, nowNanos)) {
                        inHeaders.remove(endPoint);
                        endPoint.close(new TimeoutException("the request did not arrive within the read timeout"));
                    }
                }
            }
            inHeaders.keySet().retainAll(seen);
        } finally {
            schedule();
        }
    }

    private boolean isStalled(EndPoint endPoint, long nowMillis, long nowNanos) {
        if (!(endPoint.getConnection() instanceof HttpConnection http)) {
            return false;
        }
        HttpParser parser = http.getParser();
        long requests = http.getMessagesIn();
        if (requests == 0 && parser.isStart()) {
            // opened and silent ever since
            return nowMillis - endPoint.getCreatedTimeStamp() > readTimeout.toMillis();
        }
        if (!parser.inHeaderState() || parser.isStart()) {
            inHeaders.remove(endPoint);
            return false;
        }
        InHeaders before = inHeaders.get(endPoint);
        if (before == null || before.request() != requests) {
            inHeaders.put(endPoint, new InHeaders(requests, nowNanos));
            return false;
        }
        return nowNanos - before.sinceNanos() >= readTimeout.toNanos();
    }
}
