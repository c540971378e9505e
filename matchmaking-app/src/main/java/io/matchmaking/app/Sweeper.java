package io.matchmaking.app;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.SweepReport;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the matchmaker's housekeeping (expiry, retention) on one scheduled thread. */
final class Sweeper {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private final Matchmaker matchmaker;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "matchmaking-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    Sweeper(Matchmaker matchmaker, Duration interval) {
        this.matchmaker = matchmaker;
        this.interval = interval;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::sweepOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepOnce() {
        try {
            SweepReport report = matchmaker.sweep();
            if (report.expiredPlayers() + report.purgedReadyMatches() + report.deletedEmptyMatches() > 0) {
                LOG.debug("sweep: {}", report);
            }
        } catch (RuntimeException e) {
            // a store outage must not kill the schedule: the next pass tries again
            LOG.warn("sweep failed: {}", e.getMessage());
        }
    }

    void stop() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("sweeper did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
