package io.matchmaking.app;

import io.matchmaking.core.OutboxHandoff;
import io.matchmaking.core.PendingEvents;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.OutboxStats;
import io.matchmaking.webhooks.DeliveryListener;
import io.matchmaking.webhooks.DeliveryOutcome;
import io.matchmaking.webhooks.RetrySchedule;
import io.matchmaking.webhooks.WebhookDispatcher;
import io.matchmaking.webhooks.WebhookSender;
import io.matchmaking.webhooks.WebhookSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's webhooks: a dispatcher on the matchmaker's outbox, handed each event committed on
 * this instance (others' are found by its poll), and its metrics: attempts by outcome, the time
 * from commit to delivery, events given up on, and the outbox's depth and oldest age.
 */
final class Webhooks implements AutoCloseable {

    /** How long the outbox figures of a scrape are reused: each costs the store a read. */
    private static final Duration STATS_REUSE = Duration.ofSeconds(1);

    private volatile WebhookDispatcher dispatcher;
    private volatile WebhookSender sender;

    /**
     * Hands the events this instance commits to the dispatcher, once started (events committed
     * before fall due when their claim ends); registered before the matchmaker is built.
     */
    OutboxHandoff handOff() {
        return held -> {
            WebhookDispatcher started = dispatcher;
            if (started != null) {
                started.handOff(held);
            }
        };
    }

    /** The dispatcher's pacing for {@code settings}; its lease is also the claim on the events handed off. */
    static WebhookDispatcher.Pacing pacing(WebhookSettings settings) {
        return WebhookDispatcher.Pacing.forAttemptsOf(settings.timeout());
    }

    /** Starts delivering the matchmaker's pending events as {@code settings} say. */
    void start(WebhookSettings settings, PendingEvents events, MeterRegistry registry) {
        WebhookDispatcher.Pacing pacing = pacing(settings);
        sender = new WebhookSender(settings.timeout(), pacing.maxInFlight());
        WebhookDispatcher started = new WebhookDispatcher(events, settings.receivers(), new WebhookSigner(settings.secret()),
                sender, new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(30), settings.retryFor()),
                new Measured(registry), pacing, Clock.systemUTC());
        watchOutbox(events, registry);
        started.start();
        dispatcher = started;
    }

    private static void watchOutbox(PendingEvents events, MeterRegistry registry) {
        ReusedStats stats = new ReusedStats(events);
        Gauge.builder("matchmaking.webhook.outbox.undelivered", stats, s -> s.get().undelivered())
                .description("Events in the outbox not delivered yet").strongReference(true).register(registry);
        Gauge.builder("matchmaking.webhook.outbox.failed", stats, s -> s.get().failed())
                .description("Events given up on after the retry limit, kept in the outbox").strongReference(true).register(registry);
        Gauge.builder("matchmaking.webhook.outbox.oldest.age", stats, s -> s.get().oldestUndelivered()
                        .map(oldest -> Duration.between(oldest, Instant.now()).toMillis() / 1000.0).orElse(0.0))
                .description("Seconds since the oldest undelivered event happened").baseUnit("seconds")
                .strongReference(true).register(registry);
    }

    @Override
    public void close() {
        WebhookDispatcher started = dispatcher;
        if (started != null) {
            started.close();
        }
        WebhookSender opened = sender;
        if (opened != null) {
            opened.close();
        }
    }

    /** The outbox's figures, read at most once a second however often they are scraped. */
    private static final class ReusedStats {
        private final PendingEvents events;
        private OutboxStats last = new OutboxStats(0, 0, Optional.empty());
        private Instant readAt = Instant.MIN;

        ReusedStats(PendingEvents events) {
            this.events = events;
        }

        synchronized OutboxStats get() {
            Instant now = Instant.now();
            if (readAt.plus(STATS_REUSE).isBefore(now)) {
                try {
                    last = events.stats();
                    readAt = now;
                } catch (RuntimeException storeDown) {
                    // the last figures stand; readiness tells of the store
                }
            }
            return last;
        }
    }

    /** Deliveries as metrics. */
    private static final class Measured implements DeliveryListener {
        private final Map<DeliveryOutcome.Kind, Counter> attempts = new EnumMap<>(DeliveryOutcome.Kind.class);
        private final Timer latency;
        private final Counter givenUp;

        Measured(MeterRegistry registry) {
            for (DeliveryOutcome.Kind kind : DeliveryOutcome.Kind.values()) {
                attempts.put(kind, Counter.builder("matchmaking.webhook.attempts")
                        .description("Delivery attempts to one receiver, by outcome")
                        .tag("outcome", kind.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            latency = Timer.builder("matchmaking.webhook.delivery.latency")
                    .description("From the commit of a change to the last receiver's 2xx for its event")
                    .publishPercentileHistogram()
                    .register(registry);
            givenUp = Counter.builder("matchmaking.webhook.given.up")
                    .description("Events given up on after the retry limit").register(registry);
        }

        @Override
        public void attempted(OutboxEvent event, URI receiver, DeliveryOutcome outcome) {
            attempts.get(outcome.kind()).increment();
        }

        @Override
        public void delivered(OutboxEvent event, Duration sinceCommit) {
            latency.record(sinceCommit.isNegative() ? Duration.ZERO : sinceCommit);
        }

        @Override
        public void gaveUp(OutboxEvent event, int attemptsMade) {
            givenUp.increment();
        }
    }
}
