package io.matchmaking.core;

import io.matchmaking.core.event.EventType;
import io.matchmaking.core.event.MatchmakingListener;
import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.store.MatchRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Builds a {@link Matchmaker}; every setting but the repository has a default. */
public final class MatchmakerBuilder {

    final MatchRepository repository;
    MatchmakingRules rules = MatchmakingRules.DEFAULT;
    Clock clock = Clock.systemUTC();
    boolean clockOverridesStore;
    MatchIdGenerator matchIds = MatchIdGenerator.randomUuids();
    QueueLimits queueLimits = QueueLimits.DEFAULT;
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    RetryListener retryListener = RetryListener.NONE;
    Set<EventType> outbox = Set.of();
    Duration outboxClaim = Duration.ZERO;
    OutboxHandoff outboxHandoff = held -> { };
    final List<MatchmakingListener> listeners = new ArrayList<>();

    MatchmakerBuilder(MatchRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Match size, wait timeout and retention; {@link MatchmakingRules#DEFAULT} otherwise. */
    public MatchmakerBuilder rules(MatchmakingRules value) {
        this.rules = Objects.requireNonNull(value, "rules");
        return this;
    }

    /**
     * This instance's clock, for the times of record of a store that has no clock of its own (the
     * memory store); a shared database's clock is used instead, so skewed instances agree.
     */
    public MatchmakerBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * {@link #clock}'s times rule over the store's too: for tests that drive a manual clock on a
     * database store. Instances that share a database must not override it.
     */
    public MatchmakerBuilder clockOverridesStore(boolean value) {
        this.clockOverridesStore = value;
        return this;
    }

    /** Where new match ids come from. */
    public MatchmakerBuilder matchIds(MatchIdGenerator value) {
        this.matchIds = Objects.requireNonNull(value, "matchIds");
        return this;
    }

    /** Which queues joins may name; {@link QueueLimits#DEFAULT} otherwise. */
    public MatchmakerBuilder queueLimits(QueueLimits value) {
        this.queueLimits = Objects.requireNonNull(value, "queueLimits");
        return this;
    }

    /** How often a call runs units that did not commit; {@link RetryPolicy#DEFAULT} otherwise. */
    public MatchmakerBuilder retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
        return this;
    }

    /** Hears every unit of work run again, with its reason (for metrics). */
    public MatchmakerBuilder retryListener(RetryListener value) {
        this.retryListener = Objects.requireNonNull(value, "retryListener");
        return this;
    }

    /**
     * These kinds of events are also written to the store's outbox, in the same atomic step as the
     * change, for delivery at least once ({@link Matchmaker#pendingEvents()}); none by default.
     * The store must have an outbox ({@link MatchRepository#outbox()}).
     */
    public MatchmakerBuilder outbox(Set<EventType> types) {
        this.outbox = Set.copyOf(Objects.requireNonNull(types, "types"));
        return this;
    }

    /**
     * This instance delivers the outbox events it commits itself: each is written claimed by it
     * for {@code claim} after it occurred and handed to {@code handoff} once committed, so the
     * delivery costs the store no claim. What it does not deliver within the claim falls due to
     * any claimer (another instance, or this one's next poll) when the claim ends; so
     * {@code claim} is also how late an event committed by an instance that dies is delivered.
     * Without a handoff the events are due to any claimer at once.
     */
    public MatchmakerBuilder handOff(Duration claim, OutboxHandoff handoff) {
        Objects.requireNonNull(claim, "claim");
        if (claim.isNegative() || claim.isZero()) {
            throw new IllegalArgumentException("the claim on handed-off events must be positive: " + claim);
        }
        this.outboxClaim = claim;
        this.outboxHandoff = Objects.requireNonNull(handoff, "handoff");
        return this;
    }

    /** Adds a listener for committed changes; may be called more than once. */
    public MatchmakerBuilder listener(MatchmakingListener value) {
        this.listeners.add(Objects.requireNonNull(value, "listener"));
        return this;
    }

    /** The matchmaker. */
    public Matchmaker build() {
        if (!outbox.isEmpty() && repository.outbox().isEmpty()) {
            throw new IllegalStateException("events for the outbox need a store that has one; "
                    + repository.getClass().getSimpleName() + " has none");
        }
        return new Matchmaker(this);
    }
}
