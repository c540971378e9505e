package io.matchmaking.http;

import java.util.function.BooleanSupplier;

/** Ready means: the store answers and the server is not shutting down. Liveness is just "the process answers". */
public final class Readiness {

    private final BooleanSupplier storeAvailable;
    private volatile boolean shuttingDown;

    /** Readiness that asks {@code storeAvailable} on every check. */
    public Readiness(BooleanSupplier storeAvailable) {
        this.storeAvailable = storeAvailable;
    }

    /** From now on, report not ready (the first step of a graceful shutdown). */
    public void markShuttingDown() {
        shuttingDown = true;
    }

    /** Whether the server is shutting down. */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /** Whether a load balancer should send traffic here now. */
    public boolean isReady() {
        return !shuttingDown && storeAvailable.getAsBoolean();
    }
}
