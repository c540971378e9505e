package io.matchmaking.webhooks;

import io.matchmaking.core.PendingEvents;
import io.matchmaking.core.event.HeldEvents;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.PendingEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox events to every receiver, at least once, and books the outcome: delivered once
 * every receiver answered 2xx, else due again as the retry schedule says for the receivers that did
 * not (the outbox keeps which did), else given up on and kept. An event reaches it two ways:
 * <ul>
 *   <li>handed off by this instance as it commits ({@link #handOff}): written claimed by this
 *       instance, so it is sent at once and costs the store no claim;</li>
 *   <li>claimed every poll interval: events whose claim ended (their instance died, or was too
 *       busy to send them in time) and retries falling due.</li>
 * </ul>
 * A claim is a lease, so an instance that dies leaves its events to the others once it ends; an
 * attempt starts only while the lease has room for it, so two instances never send one event at
 * once. A receiver may still get an event twice (a booking lost): it dedupes by {@code webhook-id}.
 *
 * <p>One thread sends and books; the sends are asynchronous and bounded in number, so a slow or
 * dead receiver holds no thread and never slows a join.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    /**
     * How the dispatcher paces itself.
     *
     * @param pollInterval how often it claims whatever is due (events whose claim ended, retries)
     * @param attempt      the longest one attempt takes (the sender's timeout bounds it whole)
     * @param batch        the most events one claim takes
     * @param lease        how long a claim is exclusive, handed-off events' included: at least two
     *                     attempts, so an attempt started within the first {@code lease - 2 × attempt}
     *                     ends with room to book it before anyone else may claim the event
     * @param maxInFlight  the most events being sent at once
     * @param bookingGather how long a delivered event waits to be booked with the others delivered
     *                     meanwhile: on MySQL a booking is a transaction and a clock read, and one
     *                     per run of outcomes cost the database more than the events; far less than
     *                     an attempt, so a booking still comes well within the lease
     * @param maxHeld      the most handed-off events waiting here for a free send; beyond it a
     *                     handoff is left to its claim's end, so a receiver slower than the commits
     *                     cannot fill the heap (a few KB an event)
     */
    public record Pacing(Duration pollInterval, Duration attempt, int batch, Duration lease, int maxInFlight,
            Duration bookingGather, int maxHeld) {

        private static final Duration MIN_LEASE = Duration.ofSeconds(5);

        /**
         * Every 100 ms, attempts of at most 10 s, 50 events a claim, leases of 30 s, 64 events in
         * flight, bookings gathered for 20 ms, 10,000 handed-off events held.
         */
        public static final Pacing DEFAULT = forAttemptsOf(Duration.ofSeconds(10));

        /** Rejects a lease too short for an attempt and its booking. */
        public Pacing {
            if (lease.compareTo(attempt.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("a lease of " + lease + " leaves no room for attempts of " + attempt);
            }
        }

        /**
         * The default pacing for attempts of at most {@code attempt}: leases of three attempts (at
         * least 5 s), so a handed-off event may wait one attempt here before its send must start,
         * and an instance that dies hands its events on after about three attempts.
         */
        public static Pacing forAttemptsOf(Duration attempt) {
            Duration lease = attempt.multipliedBy(3).compareTo(MIN_LEASE) < 0 ? MIN_LEASE : attempt.multipliedBy(3);
            return new Pacing(Duration.ofMillis(100), attempt, 50, lease, 64, Duration.ofMillis(20), 10_000);
        }

        /** Whether an attempt started now, {@code claimedFor} into the event's lease, ends with room to book it. */
        boolean roomForAttempt(Duration claimedFor) {
            return claimedFor.plus(attempt.multipliedBy(2)).compareTo(lease) <= 0;
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
    /** Handed-off events waiting for a free send, oldest first; touched only on the dispatcher's thread. */
    private final Deque<Held> held = new ArrayDeque<>();
    /** Delivered events not yet booked, oldest first; touched only on the dispatcher's thread. */
    private final List<Unbooked> deliveredUnbooked = new ArrayList<>();
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

    /** Starts claiming every poll interval; handed-off events are taken from the start. */
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
     * Takes events this instance has just committed, claimed by it: they are sent as soon as a
     * send is free, while their claim leaves room for an attempt. Called on the committing thread;
     * it only queues them.
     */
    public void handOff(HeldEvents events) {
        run(() -> {
            int refused = 0;
            for (OutboxEvent event : events.events()) {
                if (held.size() < pacing.maxHeld()) {
                    held.add(new Held(event, events.claimedSince()));
                } else {
                    refused++;
                }
            }
            if (refused > 0) {
                LOG.warn("{} webhook events left to their claim's end: {} are already waiting here for a send", refused,
                        pacing.maxHeld());
            }
            sendHeld();
        });
    }

    /** A handed-off event and when its claim began ({@link System#nanoTime()}). */
    private record Held(OutboxEvent event, long claimedSince) {

        /** How long its claim has run at least. */
        Duration claimedFor() {
            return Duration.ofNanos(System.nanoTime() - claimedSince);
        }
    }

    /** Sends held events while sends are free; those whose claim has no room left for an attempt are left to its end. */
    private void sendHeld() {
        int late = 0;
        while (!held.isEmpty() && inFlight.availablePermits() > 0) {
            Held next = held.poll();
            if (pacing.roomForAttempt(next.claimedFor())) {
                deliver(new PendingEvent(next.event(), 0));
            } else {
                late++;
            }
        }
        if (late > 0) {
            LOG.warn("{} webhook events waited too long here for a send; they are due to any claimer once their claim ends", late);
        }
    }

    /** Sends what is held, then claims what is due if sends are still free. */
    private void claimDue() {
        sendHeld();
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
            run(() -> {
                book(pending, left, sends.stream().map(CompletableFuture::join).toList());
                sendHeld();
            });
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

    /** A delivered event not booked yet, and when its last receiver took it ({@link System#nanoTime()}). */
    private record Unbooked(OutboxEvent event, long deliveredAt) {
    }

    /**
     * Books {@code event} as delivered with the others delivered within the pacing's booking
     * gather, so a busy outbox costs one store call per gather rather than one per event.
     */
    private void delivered(OutboxEvent event) {
        if (deliveredUnbooked.isEmpty()) {
            try {
                loop.schedule(this::bookDelivered, pacing.bookingGather().toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // closed: the event's lease ends and it is delivered again
            }
        }
        deliveredUnbooked.add(new Unbooked(event, System.nanoTime()));
    }

    private void bookDelivered() {
        List<Unbooked> batch = List.copyOf(deliveredUnbooked);
        deliveredUnbooked.clear();
        try {
            events.delivered(batch.stream().map(unbooked -> unbooked.event().id()).toList());
            Instant now = events.now();
            long nanoNow = System.nanoTime();
            // commit to 2xx: the store's clock says how long until now, the gather is taken off
            batch.forEach(unbooked -> listener.delivered(unbooked.event(),
                    Duration.between(unbooked.event().occurredAt(), now).minusNanos(nanoNow - unbooked.deliveredAt())));
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
