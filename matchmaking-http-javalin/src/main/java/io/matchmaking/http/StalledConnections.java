package io.matchmaking.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections whose request line and headers trickle in (slowloris) or that were opened and
 * never sent a request: either past the read timeout. Jetty bounds the size of headers but not the
 * time they take; its idle timeout only bounds the silence between two bytes, and must outlast a
 * long poll. Such a client holds no thread, but holds a connection, of which there are only so many.
 *
 * <p>Jetty keeps the parser state in its HTTP/1 connection, a class of its {@code internal}
 * package; {@code SlowSendersIT} fails if an upgrade moves it.
 */
final class StalledConnections extends AbstractLifeCycle {

    private final Server server;
    private final Duration readTimeout;
    private final Duration every;
    private volatile Scheduler.Task next;

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
            long now = System.currentTimeMillis();
            for (Connector connector : List.of(server.getConnectors())) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    if (isStalled(endPoint, now)) {
                        endPoint.close(new TimeoutException("request headers did not arrive within the read timeout"));
                    }
                }
            }
        } finally {
            schedule();
        }
    }

    private boolean isStalled(EndPoint endPoint, long nowMillis) {
        Connection connection = endPoint.getConnection();
        if (!(connection instanceof HttpConnection http)) {
            return false;
        }
        HttpParser parser = http.getParser();
        if (parser.inHeaderState() && !parser.isStart()) {
            return NanoTime.since(parser.getBeginNanoTime()) > readTimeout.toNanos();
        }
        boolean neverAsked = http.getMessagesIn() == 0 && parser.isStart();
        return neverAsked && nowMillis - endPoint.getCreatedTimeStamp() > readTimeout.toMillis();
    }
}
