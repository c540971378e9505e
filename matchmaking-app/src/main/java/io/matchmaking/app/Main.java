package io.matchmaking.app;

import io.matchmaking.app.logging.LogOutput;
import org.slf4j.LoggerFactory;

/** {@code java -jar matchmaking-app.jar}: configuration from the environment, then the server until SIGTERM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        MatchmakingConfig config;
        try {
            // validated before any logger exists, so a bad MATCHMAKING_LOG_FORMAT is reported here too
            config = MatchmakingConfig.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("matchmaking: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            MatchmakingServer server = MatchmakingServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                LogOutput.close();
            }, "matchmaking-shutdown"));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Main.class).error("matchmaking failed to start: {}", e.getMessage(), e);
            LogOutput.close();
            System.exit(1);
        }
    }
}
