package io.matchmaking.app;

import io.matchmaking.app.logging.LogOutput;
import io.matchmaking.core.StoreRefusedException;
import org.slf4j.Logger;
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
            Logger log = LoggerFactory.getLogger(Main.class);
            if (e instanceof StoreRefusedException) {
                // the message says which setting to change; a stack trace would only bury it
                log.error("matchmaking failed to start: {}", e.getMessage());
            } else {
                log.error("matchmaking failed to start: {}", e.getMessage(), e);
            }
            LogOutput.close();
            System.exit(1);
        }
    }
}
