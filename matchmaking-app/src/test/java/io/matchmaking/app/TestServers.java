package io.matchmaking.app;

import io.matchmaking.core.store.MatchRepository;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Starts real servers on free ports, with the memory store unless a test says otherwise. */
final class TestServers {

    private TestServers() {
    }

    /** A server with the defaults and {@code overrides} (variable, value, variable, value, ...). */
    static MatchmakingServer start(String... overrides) {
        return MatchmakingServer.start(config(overrides));
    }

    /** A server whose store is wrapped by {@code decorator}. */
    static MatchmakingServer start(UnaryOperator<MatchRepository> decorator, String... overrides) {
        return MatchmakingServer.start(config(overrides), decorator);
    }

    /** Bounded polling: the port stops accepting connections soon after stop() begins. */
    static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("port " + port + " still accepts connections 10 s after stop()");
    }

    static MatchmakingConfig config(String... overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("MATCHMAKING_PORT", "0");
        // no drain phase unless a test asks for one: an idle keep-alive connection would hold each stop for a second
        env.put("MATCHMAKING_SHUTDOWN_TIMEOUT", "0");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return MatchmakingConfig.from(env);
    }
}
