package io.matchmaking.http;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ready means: the store answers and the server is not shutting down. Liveness is just "the
 * process answers". The store is asked by one probe at a time: a probe that comes while another
 * is asking answers what the store last said instead of asking again, so a hundred probes at once
 * cost the store one check and none waits behind another (the store's own check is cheap when it
 * answered recently: {@code MySqlMatchRepository#isAvailable}).
 */
public final class Readiness {

    private final BooleanSupplier storeAvailable;
    private final AtomicBoolean asking = new AtomicBoolean();
    private volatile boolean shuttingDown;
    private volatile boolean lastAnswer;

    /** Readiness that asks {@code storeAvailable}, one probe at a time. */
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
        return !shuttingDown && storeAnswers();
    }

    /** Whether the store answers (asked as {@link #isReady} asks it), shutting down or not. */
    public boolean isStoreAvailable() {
        return storeAnswers();
    }

    private boolean storeAnswers() {
        if (asking.compareAndSet(false, true)) {
            try {
                lastAnswer = storeAvailable.getAsBoolean();
            } finally {
                asking.set(false);
            }
        }
        return lastAnswer;
    }
}
