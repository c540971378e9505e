package io.matchmaking.app;

import org.junit.jupiter.api.AfterEach;

/** A test against a fresh server whose store a test can script ({@link ScriptedStore}), stopped after each test. */
abstract class ScriptedServerTest {

    protected final ScriptedServer scripted = ScriptedServer.start();
    protected final MatchmakingServer server = scripted.server;
    protected final ScriptedStore store = scripted.store;
    protected final TestClient client = scripted.client;

    @AfterEach
    void stopServer() {
        scripted.close();
    }
}
