package io.matchmaking.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * At most so many open connections per port. A request on a connection beyond the cap is answered
 * 503 with {@code Retry-After}, and the connection closed, so a client learns to come back rather
 * than wait. Jetty's own limit stands a little above, where it stops accepting (new connections
 * wait in the kernel's backlog) and shortens the idle timeout of those it holds: then the process
 * keeps file descriptors for its database connections and its logs, whoever opens sockets.
 */
final class ConnectionCap extends Handler.Wrapper {

    static final String TOO_MANY = "too many connections, retry later";

    private final int most;

    private ConnectionCap(int most) {
        this.most = most;
    }

    /** Installs the cap of {@code most} connections on each of {@code server}'s ports. */
    static void install(Server server, int most, long idleTimeoutAtTheLimitMillis) {
        NetworkConnectionLimit hard = new NetworkConnectionLimit(hardLimit(most), server);
        hard.setEndPointIdleTimeout(idleTimeoutAtTheLimitMillis);
        server.addBean(hard);
        server.insertHandler(new ConnectionCap(most));
    }

    /** Room above the cap for the connections that come to hear its 503. */
    static int hardLimit(int most) {
        return most + Math.max(16, most / 10);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getConnectionMetaData().getConnector().getConnectedEndPoints().size() > most) {
            EdgeAnswers.errorAndClose(request, response, callback, 503, TOO_MANY);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
