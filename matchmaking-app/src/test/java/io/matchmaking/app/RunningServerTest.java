package io.matchmaking.app;

import org.junit.jupiter.api.AfterEach;

/** A test against a fresh server with the default configuration (memory store, port 0), stopped after each test. */
abstract class RunningServerTest {

    protected final MatchmakingServer server;
    protected final TestClient client;

    protected RunningServerTest() {
        this(new String[0]);
    }

    /** A server with {@code overrides} of the default configuration, as name, value, name, value... */
    protected RunningServerTest(String... overrides) {
        server = TestServers.start(overrides);
        client = new TestClient(server.port());
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }
}
