package io.matchmaking.http;

import java.time.Duration;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What every listening connector of the server gets, set as the server starts and before a
 * connector opens its socket (Javalin adds its connector late, so these cannot be set earlier):
 * <ul>
 *   <li>an idle timeout longer than the longest long poll: Jetty's default 30 s would cut a status
 *       request held for up to 60 s;</li>
 *   <li>a listen backlog the kernel can hold a reconnect storm in: Java's default of 50 pending
 *       connections overflows when thousands of clients connect at once (after a deploy, or to hold
 *       their long polls), and each dropped SYN costs its client a one-second retransmit.</li>
 * </ul>
 */
final class ConnectorSettings implements LifeCycle.Listener {

    /** The kernel caps it at {@code net.core.somaxconn}, which is 4096 on current Linux. */
    static final int ACCEPT_QUEUE = 4096;

    private final Duration idleTimeout;

    private ConnectorSettings(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    static void install(Server server, Duration idleTimeout) {
        server.addEventListener(new ConnectorSettings(idleTimeout));
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        for (Connector connector : ((Server) event).getConnectors()) {
            if (connector instanceof ServerConnector listening) {
                listening.setIdleTimeout(idleTimeout.toMillis());
                listening.setAcceptQueueSize(ACCEPT_QUEUE);
            }
        }
    }
}
