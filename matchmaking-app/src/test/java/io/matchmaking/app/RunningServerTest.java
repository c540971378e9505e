package io.matchmaking.app;

import org.junit.jupiter.api.AfterEach;

/** A test against a fresh server with the default configuration (memory store, port 0), stopped after each test. */
abstract class RunningServerTest {

    protected final MatchmakingServer server = TestServers.start();
    protected final TestClient client = new TestClient(server.port());

    @AfterEach
    void stopServer() {
        server.stop();
    }
}
