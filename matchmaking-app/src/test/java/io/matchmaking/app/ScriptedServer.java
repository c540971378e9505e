package io.matchmaking.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A real server on port 0 whose store is a {@link ScriptedStore}, and a client aimed at it. */
final class ScriptedServer implements AutoCloseable {

    final MatchmakingServer server;
    final ScriptedStore store;
    final TestClient client;

    private ScriptedServer(MatchmakingServer server, ScriptedStore store) {
        this.server = server;
        this.store = store;
        this.client = new TestClient(server.port());
    }

    /** Started with the defaults and {@code overrides} (variable, value, ...). */
    static ScriptedServer start(String... overrides) {
        AtomicReference<ScriptedStore> store = new AtomicReference<>();
        MatchmakingServer server = TestServers.start(real -> {
            store.set(new ScriptedStore(real));
            return store.get();
        }, overrides);
        return new ScriptedServer(server, store.get());
    }

    /**
     * From now on every unit of work waits, as behind a lock another instance holds, until the
     * returned gate opens; {@link Gate#awaitEntered()} waits for the first to arrive.
     */
    Gate holdUnits() {
        Gate gate = new Gate();
        store.beforeEachUnit(gate::pass);
        return gate;
    }

    /** Where held units wait. */
    static final class Gate {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);

        private void pass() {
            entered.countDown();
            try {
                open.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Whether a unit reached the gate within 10 s. */
        boolean awaitEntered() throws InterruptedException {
            return entered.await(10, TimeUnit.SECONDS);
        }

        /** Lets every held unit, and every later one, through. */
        void open() {
            open.countDown();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
