package io.matchmaking.http.watch;

import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.MatchmakingListener;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.ReadMatches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-poll waiters, by match: a waiter is a future, completed by the core's events when its match
 * changes in this process, by a store poll when it changes through another instance, or empty when
 * its timeout passes or the server shuts down. No waiter holds a thread: one scheduler thread runs
 * every timeout and the poll.
 */
public final class MatchWatchers implements MatchmakingListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MatchWatchers.class);
    /** Ids per batched read of the store poll. */
    private static final int POLL_CHUNK = 1_000;

    private final ConcurrentHashMap<MatchId, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    /** Kept with the map, so that the count is O(1): every long poll asks for it (the cap). */
    private final AtomicInteger held = new AtomicInteger();
    private final ScheduledThreadPoolExecutor scheduler;
    private volatile boolean closed;

    /** A waiter for a change of a match beyond {@code version}. */
    private static final class Waiter {

        private final MatchId match;
        private final long version;
        private final CompletableFuture<Optional<Match>> future = new CompletableFuture<>();
        private volatile ScheduledFuture<?> timeout;

        Waiter(MatchId match, long version) {
            this.match = match;
            this.version = version;
        }
    }

    /** Watchers with their own scheduler thread. */
    public MatchWatchers() {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "matchmaking-watchers");
            thread.setDaemon(true);
            return thread;
        });
        // completed waiters cancel their timeout: without this, 10,000 cancelled tasks would sit in the queue
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * A future of the match's next state after {@code current}, or empty after {@code timeout} (or
     * at once once the server shuts down). A change that happened before this call is not seen by
     * the events: {@code reread} reads the match again after the registration, and a newer state
     * answers this waiter (and only this one: every other waiter did the same for itself, so a long
     * poll costs the same with 20,000 others on its match as with none).
     */
    public CompletableFuture<Optional<Match>> awaitChange(Match current, Duration timeout,
            Supplier<Optional<Match>> reread) {
        if (closed) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Waiter waiter = new Waiter(current.id(), current.version());
        try {
            // the timer first, so whoever finishes the waiter can always cancel it
            waiter.timeout = scheduler.schedule(() -> finish(waiter, Optional.empty()),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        // add and remove inside the map's atomic compute, so a set emptied by one waiter is never
        // dropped while another is being added to it
        waiters.compute(current.id(), (id, set) -> {
            Set<Waiter> same = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (same.add(waiter)) {
                held.incrementAndGet();
            }
            return same;
        });
        if (closed) {
            finish(waiter, Optional.empty());
            return waiter.future;
        }
        reread.get().filter(latest -> latest.version() > waiter.version)
                .ifPresent(latest -> finish(waiter, Optional.of(latest)));
        return waiter.future;
    }

    /** Unregisters first, then answers: whoever reads the count after an answer sees it gone. */
    private void finish(Waiter waiter, Optional<Match> outcome) {
        waiters.computeIfPresent(waiter.match, (id, set) -> {
            if (set.remove(waiter)) {
                held.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
        ScheduledFuture<?> timer = waiter.timeout;
        if (timer != null) {
            timer.cancel(false);
        }
        waiter.future.complete(outcome);
    }

    /** Releases the waiters of {@code match} that have seen an older version. */
    public void changed(Match match) {
        Set<Waiter> set = waiters.get(match.id());
        if (set == null) {
            return;
        }
        for (Waiter waiter : set) {
            if (waiter.version < match.version()) {
                finish(waiter, Optional.of(match));
            }
        }
    }

    @Override
    public void onEvent(MatchmakingEvent event) {
        changed(event.match());
    }

    /**
     * Looks every {@code interval} for changes other instances made to watched matches: one batched
     * read per tick (chunks of 1,000 ids), never one per waiter, and none while nobody waits.
     */
    public void pollStore(ReadMatches store, Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> pollOnce(store), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void pollOnce(ReadMatches store) {
        if (waiters.isEmpty()) {
            return;
        }
        List<MatchId> watched = new ArrayList<>(waiters.keySet());
        try {
            for (int from = 0; from < watched.size(); from += POLL_CHUNK) {
                store.findMatches(watched.subList(from, Math.min(watched.size(), from + POLL_CHUNK)))
                        .forEach(this::changed);
            }
        } catch (RuntimeException e) {
            // the store is away: waiters keep waiting, their timeouts still answer them
            LOG.debug("watch poll failed: {}", e.getMessage());
        }
    }

    /** Requests held right now. */
    public int size() {
        return held.get();
    }

    /** Answers every held request now, and every later one at once: the server is shutting down. */
    public void releaseAll() {
        closed = true;
        waiters.values().forEach(set -> set.forEach(waiter -> finish(waiter, Optional.empty())));
    }

    @Override
    public void close() {
        releaseAll();
        scheduler.shutdownNow();
    }
}
