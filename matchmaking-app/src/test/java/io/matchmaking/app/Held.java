package io.matchmaking.app;

import java.util.concurrent.TimeUnit;

/** Bounded polling until a server holds the expected number of long-poll requests. */
final class Held {

    private Held() {
    }

    static void awaitHeld(MatchmakingServer server, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.heldRequests() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("held " + server.heldRequests() + " of " + expected + " requests after 20 s");
            }
            Thread.sleep(5);
        }
    }
}
