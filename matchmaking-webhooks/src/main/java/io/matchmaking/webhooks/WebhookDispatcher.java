package io.matchmaking.webhooks;

import io.matchmaking.core.PendingEvents;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.PendingEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox events to every receiver, at least once: claims what is due (for a lease, so an
 * instance that dies leaves its claims to the others), sends each event to all receivers at once,
 * and books the outcome: delivered once every receiver answered 2xx, else due again as the retry
 * schedule says for the receivers that did not (the outbox keeps which did), else given up on and
 * kept. A receiver may still get an event twice (a booking lost, a lease that ended mid-send): it
 * dedupes by {@code webhook-id}.
 *
 * <p>One thread claims and books; the sends are asynchronous and bounded in number, so a slow or
 * dead receiver holds no thread and never slows a join. Claims come every poll interval (events of
 * other instances, retries falling due) and within the pacing's gather after {@link #wake()} (events of this one).
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    /**
     * How the dispatcher paces itself.
     *
     * @param pollInterval how often it claims whatever is due (other instances' events, retries)
     * @param gather       how long a wake waits for more commits before it claims: on MySQL a claim
     *                     is a transaction, and one per group commit cost more than the events it took
     * @param batch        the most events one claim takes
     * @param lease        how long a claim is exclusive
     * @param maxInFlight  the most events being sent at once
     */
    public record Pacing(Duration pollInterval, Duration gather, int batch, Duration lease, int maxInFlight) {

        /** Every 100 ms, wakes gathered for 10 ms, 50 events a claim, leases of 60 s, 64 events in flight. */
        public static final Pacing DEFAULT = new Pacing(Duration.ofMillis(100), Duration.ofMillis(10), 50,
                Duration.ofSeconds(60), 64);

        /** This pacing with claims exclusive for {@code lease}. */
        public Pacing withLease(Duration lease) {
            return new Pacing(pollInterval, gather, batch, lease, maxInFlight);
        }
    }

    private final PendingEvents events;
    private final List<URI> receivers;
    private final WebhookSigner signer;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final DeliveryListener listener;
    private final Pacing pacing;
    private final Clock clock;
    private final Semaphore inFlight;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    /** Delivered events not yet booked; touched only on the dispatcher's thread. */
    private final List<OutboxEvent> deliveredUnbooked = new ArrayList<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    /** Delivers {@code events} to {@code receivers}; {@code clock} stamps each attempt ({@code webhook-timestamp}). */
    public WebhookDispatcher(PendingEvents events, List<URI> receivers, WebhookSigner signer, WebhookSender sender,
            RetrySchedule schedule, DeliveryListener listener, Pacing pacing, Clock clock) {
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("no receiver to deliver to");
        }
        this.events = events;
        this.receivers = List.copyOf(receivers);
        this.signer = signer;
        this.sender = sender;
        this.schedule = schedule;
        this.listener = listener;
        this.pacing = pacing;
        this.clock = clock;
        this.inFlight = new Semaphore(pacing.maxInFlight());
    }

    /** Starts claiming every poll interval. */
    public void start() {
        loop.scheduleWithFixedDelay(this::claimDueGuarded, 0, pacing.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A periodic task that throws is never run again: whatever goes wrong, the next poll must come. */
    private void claimDueGuarded() {
        try {
            claimDue();
        } catch (RuntimeException unexpected) {
            LOG.error("webhook delivery failed unexpectedly; the next poll tries again", unexpected);
        }
    }

    /**
     * Claims soon: an event was just committed here. The claim waits the pacing's {@code gather}
     * for more, and wakes that come while it waits join it, so a burst of commits costs one claim.
     */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                loop.schedule(this::claimDueGuarded, pacing.gather().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // closed: nothing more to claim
            }
        }
    }

    private void claimDue() {
        wakeQueued.set(false);
        int free = inFlight.availablePermits();
        if (free == 0) {
            return;
        }
        List<PendingEvent> due;
        try {
            due = events.claim(Math.min(free, pacing.batch()), pacing.lease());
        } catch (RuntimeException storeDown) {
            // the events stay in the outbox; the next poll tries again
            LOG.warn("webhook events could not be claimed: {}", storeDown.getMessage());
            return;
        }
        due.forEach(this::deliver);
        if (due.size() == pacing.batch()) {
            run(this::claimDueGuarded);
        }
    }

    private void deliver(PendingEvent pending) {
        OutboxEvent event = pending.event();
        List<URI> left = receivers.stream().filter(receiver -> !pending.deliveredTo().contains(receiver.toString())).toList();
        if (left.isEmpty()) {
            // every receiver took it already: the receivers changed since an earlier attempt
            delivered(event);
            return;
        }
        SignedWebhook signed = signer.sign(event.id(), clock.instant(), WebhookBody.of(event));
        inFlight.acquireUninterruptibly();
        List<CompletableFuture<DeliveryOutcome>> sends = left.stream().map(receiver -> sender.send(receiver, signed)).toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).whenComplete((done, never) -> {
            inFlight.release();
            run(() -> book(pending, left, sends.stream().map(CompletableFuture::join).toList()));
        });
    }

    private void book(PendingEvent pending, List<URI> sentTo, List<DeliveryOutcome> outcomes) {
        OutboxEvent event = pending.event();
        Set<String> deliveredTo = new TreeSet<>(pending.deliveredTo());
        for (int i = 0; i < outcomes.size(); i++) {
            DeliveryOutcome outcome = outcomes.get(i);
            listener.attempted(event, sentTo.get(i), outcome);
            if (outcome.delivered()) {
                deliveredTo.add(sentTo.get(i).toString());
            } else {
                LOG.warn("webhook {} ({}) to {}: attempt {} failed: {}", event.id(), WebhookEventType.of(event.type()).wireName(),
                        sentTo.get(i), pending.failedAttempts() + 1, outcome.detail());
            }
        }
        if (deliveredTo.size() - pending.deliveredTo().size() == sentTo.size()) {
            delivered(event);
            return;
        }
        try {
            int failed = pending.failedAttempts() + 1;
            Optional<Instant> next = schedule.next(failed, event.occurredAt(), events.now());
            if (next.isPresent()) {
                events.retryAt(event.id(), failed, next.get(), deliveredTo);
            } else {
                events.failed(event.id(), failed);
                listener.gaveUp(event, failed);
                LOG.error("webhook {} given up on after {} attempts; it stays in the outbox, failed", event.id(), failed);
            }
        } catch (RuntimeException storeDown) {
            // the claim's lease ends and the event is claimed again: delivered at least once, maybe twice
            LOG.warn("webhook {}: its outcome could not be recorded: {}", event.id(), storeDown.getMessage());
        }
    }

    /**
     * Books {@code event} as delivered with the others delivered meanwhile: the first of a burst
     * queues one booking behind the outcomes already waiting on this thread, so a busy outbox costs
     * one store call per batch rather than one per event.
     */
    private void delivered(OutboxEvent event) {
        if (deliveredUnbooked.isEmpty()) {
            run(this::bookDelivered);
        }
        deliveredUnbooked.add(event);
    }

    private void bookDelivered() {
        List<OutboxEvent> batch = List.copyOf(deliveredUnbooked);
        deliveredUnbooked.clear();
        try {
            events.delivered(batch.stream().map(OutboxEvent::id).toList());
            Instant now = events.now();
            batch.forEach(event -> listener.delivered(event, Duration.between(event.occurredAt(), now)));
        } catch (RuntimeException storeDown) {
            // their leases end and they are claimed again: delivered at least once, maybe twice
            LOG.warn("{} delivered webhooks could not be recorded: {}", batch.size(), storeDown.getMessage());
        }
    }

    private void run(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException stopping) {
            // closed: claims left unbooked end with their lease
        }
    }

    /** Stops claiming; events in flight end with their lease and are delivered again later. */
    @Override
    public void close() {
        loop.shutdownNow();
    }
}
