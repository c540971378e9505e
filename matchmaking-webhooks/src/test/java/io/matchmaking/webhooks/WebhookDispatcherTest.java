package io.matchmaking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.OutboxHandoff;
import io.matchmaking.core.PendingEvents;
import io.matchmaking.core.event.EventType;
import io.matchmaking.core.event.HeldEvents;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.OutboxStats;
import io.matchmaking.core.event.PendingEvent;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.store.memory.InMemoryMatchRepository;
import io.matchmaking.webhooks.testkit.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher on the memory store's outbox against a real receiver, which verifies every
 * signature with the reference library and can refuse for a while as if it were down.
 */
class WebhookDispatcherTest {

    private static final RetrySchedule FAST = new RetrySchedule(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30));
    private static final WebhookDispatcher.Pacing QUICK = new WebhookDispatcher.Pacing(Duration.ofMillis(20), Duration.ofSeconds(2), 10, Duration.ofSeconds(5), 8, Duration.ofMillis(5), 1_000);
    /** Leases of a second, for tests that wait for one to end. */
    private static final WebhookDispatcher.Pacing SHORT_LEASES = new WebhookDispatcher.Pacing(Duration.ofMillis(20), Duration.ofMillis(200), 10, Duration.ofSeconds(1), 8, Duration.ofMillis(5), 1_000);

    private final InMemoryMatchRepository store = new InMemoryMatchRepository();
    private WebhookDispatcher dispatcher;
    /** Hands what it commits to {@link #dispatcher}, claimed for QUICK's lease. */
    private final Matchmaker matchmaker = matchmaker(QUICK, held -> this.dispatcher.handOff(held));
    private final PendingEvents pending = matchmaker.pendingEvents().orElseThrow();
    private final WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), 8);
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final List<WebhookReceiver> others = new CopyOnWriteArrayList<>();
    /** Events the dispatcher has booked as delivered: the receiver's 204 comes before the booking. */
    private final LinkedBlockingQueue<Duration> booked = new LinkedBlockingQueue<>();
    private final DeliveryListener booking = new DeliveryListener() {
        @Override
        public void delivered(OutboxEvent event, Duration sinceCommit) {
            booked.add(sinceCommit);
        }
    };

    /** A matchmaker on the test's store whose ready matches go to the outbox, handed to {@code handoff}. */
    private Matchmaker matchmaker(WebhookDispatcher.Pacing pacing, OutboxHandoff handoff) {
        return Matchmaker.builder(store).rules(MatchmakingRules.ofSize(2)).outbox(Set.of(EventType.MATCH_READY))
                .handOff(pacing.lease(), handoff).build();
    }

    private WebhookDispatcher dispatcher(PendingEvents events, List<WebhookReceiver> to, RetrySchedule schedule,
            DeliveryListener listener, WebhookDispatcher.Pacing pacing) {
        return new WebhookDispatcher(events, to.stream().map(WebhookReceiver::url).toList(),
                new WebhookSigner(WebhookSecret.parse(WebhookReceiver.SECRET)),
                sender, schedule, listener, pacing, Clock.systemUTC());
    }

    private void startDispatcher(DeliveryListener listener) {
        dispatcher = dispatcher(pending, List.of(receiver), FAST, listener, QUICK);
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        receiver.close();
        others.forEach(WebhookReceiver::close);
        sender.close();
    }

    /** What the receiver got, once the dispatcher has booked {@code count} deliveries. */
    private List<String> awaitDelivered(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            assertThat(booked.poll(10, TimeUnit.SECONDS)).as("delivery %d of %d booked", i + 1, count).isNotNull();
        }
        List<String> got = new ArrayList<>();
        for (WebhookReceiver.Arrival delivery = receiver.nextDelivery(Duration.ZERO); delivery != null;
                delivery = receiver.nextDelivery(Duration.ZERO)) {
            got.add(delivery.id() + " " + delivery.body());
        }
        return got;
    }

    @Test
    void everyReadyMatchReachesTheReceiverSignedOnceWithItsOwnId() throws Exception {
        startDispatcher(booking);
        for (int i = 0; i < 20; i++) {
            matchmaker.join(PlayerId.of("p" + i));
        }

        List<String> got = awaitDelivered(10);

        assertThat(receiver.forged()).isEmpty();
        assertThat(got).hasSize(10);
        assertThat(got).allSatisfy(line -> assertThat(line).contains("\"type\":\"match.ready\"", "\"status\":\"ready\""));
        assertThat(receiver.attemptsById()).hasSize(10).allSatisfy((id, attempts) -> assertThat(attempts).isEqualTo(1));
        assertThat(receiver.nextDelivery(Duration.ofMillis(200))).as("each once").isNull();
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEverythingOnceUpWithTheSameIds() throws Exception {
        receiver.refuseNext(6);
        startDispatcher(booking);
        for (int i = 0; i < 6; i++) {
            matchmaker.join(PlayerId.of("d" + i));
        }

        List<String> got = awaitDelivered(3);

        assertThat(got).hasSize(3);
        int attempts = receiver.attemptsById().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(attempts).as("6 refused, then one each").isEqualTo(9);
        assertThat(receiver.attemptsById()).hasSize(3);
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void aRetryGoesOnlyToTheReceiversThatDidNotTakeTheEvent() throws Exception {
        WebhookReceiver down = WebhookReceiver.start();
        others.add(down);
        down.refuseNext(4);
        dispatcher = dispatcher(pending, List.of(receiver, down), FAST, booking, QUICK);
        dispatcher.start();
        for (int i = 0; i < 4; i++) {
            matchmaker.join(PlayerId.of("r" + i));
        }

        awaitDelivered(2);

        assertThat(receiver.attemptsById()).as("the healthy receiver: each event once, never again on a retry")
                .hasSize(2).allSatisfy((id, attempts) -> assertThat(attempts).isEqualTo(1));
        assertThat(down.deliveriesById()).as("the one that was down: everything once up")
                .containsOnlyKeys(receiver.attemptsById().keySet()).allSatisfy((id, took) -> assertThat(took).isEqualTo(1));
        int attempts = down.attemptsById().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(attempts).as("4 refused, then one each").isEqualTo(6);
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void eventsHandedOffAsTheyCommitAreSentWithoutAnyClaim() throws Exception {
        AtomicInteger claimed = new AtomicInteger();
        dispatcher = dispatcher(new Forwarding(pending) {
            @Override
            public List<PendingEvent> claim(int max, Duration lease) {
                List<PendingEvent> due = super.claim(max, lease);
                claimed.addAndGet(due.size());
                return due;
            }
        }, List.of(receiver), FAST, booking, QUICK);
        dispatcher.start();
        for (int i = 0; i < 10; i++) {
            matchmaker.join(PlayerId.of("h" + i));
        }

        assertThat(awaitDelivered(5)).hasSize(5);
        assertThat(claimed.get()).as("events claimed by a poll").isZero();
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void deliveriesWithinABookingGatherAreBookedInOneCallAndTimedToTheirLastAnswerNotToTheBooking() throws Exception {
        WebhookDispatcher.Pacing slowBookings = new WebhookDispatcher.Pacing(Duration.ofMillis(20), Duration.ofSeconds(2), 10,
                Duration.ofSeconds(10), 8, Duration.ofSeconds(2), 1_000);
        List<Integer> bookings = new CopyOnWriteArrayList<>();
        Matchmaker handing = matchmaker(slowBookings, held -> this.dispatcher.handOff(held));
        dispatcher = dispatcher(new Forwarding(pending) {
            @Override
            public void delivered(Collection<String> ids) {
                bookings.add(ids.size());
                super.delivered(ids);
            }
        }, List.of(receiver), FAST, booking, slowBookings);
        dispatcher.start();
        for (int i = 0; i < 10; i++) {
            handing.join(PlayerId.of("g" + i));
        }

        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            latencies.add(booked.poll(10, TimeUnit.SECONDS));
        }

        assertThat(bookings).as("five deliveries within the 2 s gather: one booking").containsExactly(5);
        assertThat(latencies).as("commit to the receiver's answer, without the gather")
                .allSatisfy(latency -> assertThat(latency).isNotNull().isLessThan(Duration.ofSeconds(1)));
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void aHandoffTooLateForAnAttemptWithinItsClaimIsLeftToTheClaimsEnd() throws Exception {
        // as if the commit had stalled for a whole lease before the handoff: sending now could
        // overlap another instance's claim, so the event waits for the claim to end
        Matchmaker late = matchmaker(SHORT_LEASES, held -> this.dispatcher.handOff(
                new HeldEvents(held.events(), held.claimedSince() - SHORT_LEASES.lease().toNanos())));
        dispatcher = dispatcher(pending, List.of(receiver), FAST, booking, SHORT_LEASES);
        dispatcher.start();
        late.join(PlayerId.of("l1"));
        late.join(PlayerId.of("l2"));

        Duration sinceCommit = booked.poll(10, TimeUnit.SECONDS);

        assertThat(sinceCommit).as("delivered, by a claim once the first ended").isNotNull()
                .isGreaterThanOrEqualTo(SHORT_LEASES.lease());
        assertThat(receiver.attemptsById().values()).as("attempts").containsExactly(1);
    }

    @Test
    void handoffsBeyondWhatMayBeHeldAreLeftToTheirClaimsEndAndStillDeliveredOnce() throws Exception {
        // two may wait here for a send: a unit that makes three ready matches hands off one too many
        WebhookDispatcher.Pacing holdsTwo = new WebhookDispatcher.Pacing(Duration.ofMillis(20), Duration.ofMillis(200), 10,
                Duration.ofSeconds(1), 8, Duration.ofMillis(5), 2);
        Matchmaker handing = matchmaker(holdsTwo, held -> this.dispatcher.handOff(held));
        dispatcher = dispatcher(pending, List.of(receiver), FAST, booking, holdsTwo);
        dispatcher.start();
        handing.joinAll(List.of("k1", "k2", "k3", "k4", "k5", "k6").stream()
                .map(name -> JoinRequest.of(PlayerId.of(name))).toList());

        List<Duration> sinceCommit = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sinceCommit.add(booked.poll(10, TimeUnit.SECONDS));
        }

        assertThat(sinceCommit).as("all three delivered").doesNotContainNull();
        assertThat(sinceCommit.stream().filter(latency -> latency.compareTo(holdsTwo.lease()) < 0))
                .as("sent at once, as handed off").hasSize(2);
        assertThat(sinceCommit.stream().filter(latency -> latency.compareTo(holdsTwo.lease()) >= 0))
                .as("left to its claim's end, then claimed and sent").hasSize(1);
        assertThat(receiver.attemptsById()).hasSize(3).allSatisfy((id, attempts) -> assertThat(attempts).isEqualTo(1));
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void aDeliveryThatCouldNotBeBookedIsSentAgainOnceItsClaimEnds() throws Exception {
        AtomicInteger bookings = new AtomicInteger();
        Matchmaker shortClaims = matchmaker(SHORT_LEASES, held -> this.dispatcher.handOff(held));
        dispatcher = dispatcher(new Forwarding(pending) {
            @Override
            public void delivered(Collection<String> ids) {
                if (bookings.incrementAndGet() == 1) {
                    throw new IllegalStateException("the store went away");
                }
                super.delivered(ids);
            }
        }, List.of(receiver), FAST, booking, SHORT_LEASES);
        dispatcher.start();
        shortClaims.join(PlayerId.of("k1"));
        shortClaims.join(PlayerId.of("k2"));

        assertThat(booked.poll(10, TimeUnit.SECONDS)).as("delivered and booked the second time").isNotNull();
        assertThat(receiver.attemptsById().values()).as("the same id twice: the receiver dedupes by it").containsExactly(2);
        assertThat(bookings.get()).isEqualTo(2);
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void aPollThatFailsUnexpectedlyDoesNotStopTheNextOnes() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        PendingEvents breaksOnce = new Forwarding(pending) {
            @Override
            public List<PendingEvent> claim(int max, Duration lease) {
                if (claims.incrementAndGet() == 1) {
                    // an id the signer refuses: the first poll throws past the claim
                    Match nobody = Match.open(MatchId.of("m0"), QueueName.DEFAULT, 2, Instant.now());
                    return List.of(new PendingEvent(new OutboxEvent("bad.id", EventType.MATCH_READY, nobody,
                            Optional.empty(), Instant.now()), 0));
                }
                return super.claim(max, lease);
            }
        };
        Matchmaker polledOnly = Matchmaker.builder(store).rules(MatchmakingRules.ofSize(2))
                .outbox(Set.of(EventType.MATCH_READY)).build();
        dispatcher = dispatcher(breaksOnce, List.of(receiver), FAST, booking, QUICK);
        polledOnly.join(PlayerId.of("b1"));
        polledOnly.join(PlayerId.of("b2"));
        dispatcher.start();

        assertThat(awaitDelivered(1)).hasSize(1);
        assertThat(claims.get()).isGreaterThan(1);
    }

    @Test
    void anEventGivenUpOnStaysFailedAndIsHeard() throws Exception {
        receiver.refuseNext(Integer.MAX_VALUE);
        List<Integer> gaveUp = new CopyOnWriteArrayList<>();
        CountDownLatch heard = new CountDownLatch(1);
        dispatcher = dispatcher(pending, List.of(receiver),
                new RetrySchedule(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(300)),
                new DeliveryListener() {
                    @Override
                    public void gaveUp(OutboxEvent event, int attempts) {
                        gaveUp.add(attempts);
                        heard.countDown();
                    }
                },
                new WebhookDispatcher.Pacing(Duration.ofMillis(10), Duration.ofSeconds(2), 10, Duration.ofSeconds(5), 8, Duration.ofMillis(5), 1_000));
        dispatcher.start();
        matchmaker.join(PlayerId.of("g1"));
        matchmaker.join(PlayerId.of("g2"));

        assertThat(heard.await(10, TimeUnit.SECONDS)).as("given up within the schedule's 300 ms, heard").isTrue();
        assertThat(gaveUp).singleElement().satisfies(attempts -> assertThat(attempts).isGreaterThan(1));
        assertThat(pending.stats().failed()).isEqualTo(1);
        assertThat(pending.stats().undelivered()).isZero();
    }

    /** Pending events as the matchmaker's, for tests to break or count one call. */
    private static class Forwarding implements PendingEvents {
        private final PendingEvents events;

        Forwarding(PendingEvents events) {
            this.events = events;
        }

        @Override
        public List<PendingEvent> claim(int max, Duration lease) {
            return events.claim(max, lease);
        }

        @Override
        public void delivered(Collection<String> ids) {
            events.delivered(ids);
        }

        @Override
        public void retryAt(String id, int failedAttempts, Instant next, Set<String> deliveredTo) {
            events.retryAt(id, failedAttempts, next, deliveredTo);
        }

        @Override
        public void failed(String id, int failedAttempts) {
            events.failed(id, failedAttempts);
        }

        @Override
        public OutboxStats stats() {
            return events.stats();
        }

        @Override
        public Instant now() {
            return events.now();
        }
    }
}
