package io.matchmaking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.PendingEvents;
import io.matchmaking.core.event.EventType;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.OutboxStats;
import io.matchmaking.core.event.PendingEvent;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.store.memory.InMemoryMatchRepository;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final RetrySchedule FAST = new RetrySchedule(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30));

    private final InMemoryMatchRepository store = new InMemoryMatchRepository();
    private final Matchmaker matchmaker = Matchmaker.builder(store).rules(MatchmakingRules.ofSize(2))
            .outbox(Set.of(EventType.MATCH_READY)).build();
    private final PendingEvents pending = matchmaker.pendingEvents().orElseThrow();
    private final ExecutorService senderThreads = Executors.newFixedThreadPool(2);
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final List<String> forged = new CopyOnWriteArrayList<>();
    private final HttpServer receiver;
    private WebhookDispatcher dispatcher;
    /** Events the dispatcher has booked as delivered: the receiver's 204 comes before the booking. */
    private final LinkedBlockingQueue<Duration> booked = new LinkedBlockingQueue<>();
    private final DeliveryListener booking = new DeliveryListener() {
        @Override
        public void delivered(OutboxEvent event, Duration sinceCommit) {
            booked.add(sinceCommit);
        }
    };

    WebhookDispatcherTest() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            try {
                new Webhook(SECRET).verify(body, Map.copyOf(exchange.getRequestHeaders()));
            } catch (Exception e) {
                forged.add(id);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            attemptsById.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            received.add(id + " " + body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    private void startDispatcher(DeliveryListener listener) {
        URI hooks = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        dispatcher = new WebhookDispatcher(pending, List.of(hooks), new WebhookSigner(WebhookSecret.parse(SECRET)),
                new WebhookSender(Duration.ofSeconds(2), senderThreads), FAST, listener,
                new WebhookDispatcher.Pacing(Duration.ofMillis(20), 10, Duration.ofSeconds(5), 8), Clock.systemUTC());
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        receiver.stop(0);
        senderThreads.shutdownNow();
    }

    /** What the receiver got, once the dispatcher has booked {@code count} deliveries. */
    private List<String> awaitDelivered(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            assertThat(booked.poll(10, TimeUnit.SECONDS)).as("delivery %d of %d booked", i + 1, count).isNotNull();
        }
        List<String> got = new CopyOnWriteArrayList<>();
        received.drainTo(got);
        return got;
    }

    @Test
    void everyReadyMatchReachesTheReceiverSignedOnceWithItsOwnId() throws Exception {
        startDispatcher(booking);
        for (int i = 0; i < 20; i++) {
            matchmaker.join(PlayerId.of("p" + i));
        }

        List<String> got = awaitDelivered(10);

        assertThat(forged).isEmpty();
        assertThat(got).hasSize(10);
        assertThat(got).allSatisfy(line -> assertThat(line).contains("\"type\":\"match.ready\"", "\"status\":\"ready\""));
        assertThat(attemptsById).hasSize(10).allSatisfy((id, attempts) -> assertThat(attempts).hasValue(1));
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("each once").isNull();
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEverythingOnceUpWithTheSameIds() throws Exception {
        refuseNext.set(6);
        startDispatcher(booking);
        for (int i = 0; i < 6; i++) {
            matchmaker.join(PlayerId.of("d" + i));
        }

        List<String> got = awaitDelivered(3);

        assertThat(got).hasSize(3);
        int attempts = attemptsById.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(attempts).as("6 refused, then one each").isEqualTo(9);
        assertThat(attemptsById).hasSize(3);
        assertThat(pending.stats().undelivered()).isZero();
    }

    @Test
    void aPollThatFailsUnexpectedlyDoesNotStopTheNextOnes() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        PendingEvents breaksOnce = new PendingEvents() {
            @Override
            public List<PendingEvent> claim(int max, Duration lease) {
                if (claims.incrementAndGet() == 1) {
                    // an id the signer refuses: the first poll throws past the claim
                    Match nobody = Match.open(MatchId.of("m0"), QueueName.DEFAULT, 2, Instant.now());
                    return List.of(new PendingEvent(new OutboxEvent("bad.id", EventType.MATCH_READY, nobody,
                            Optional.empty(), Instant.now()), 0));
                }
                return pending.claim(max, lease);
            }

            @Override
            public void delivered(Collection<String> ids) {
                pending.delivered(ids);
            }

            @Override
            public void retryAt(String id, int failedAttempts, Instant next) {
                pending.retryAt(id, failedAttempts, next);
            }

            @Override
            public void failed(String id, int failedAttempts) {
                pending.failed(id, failedAttempts);
            }

            @Override
            public OutboxStats stats() {
                return pending.stats();
            }

            @Override
            public Instant now() {
                return pending.now();
            }
        };
        URI hooks = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        dispatcher = new WebhookDispatcher(breaksOnce, List.of(hooks), new WebhookSigner(WebhookSecret.parse(SECRET)),
                new WebhookSender(Duration.ofSeconds(2), senderThreads), FAST, booking,
                new WebhookDispatcher.Pacing(Duration.ofMillis(20), 10, Duration.ofSeconds(5), 8), Clock.systemUTC());
        matchmaker.join(PlayerId.of("b1"));
        matchmaker.join(PlayerId.of("b2"));
        dispatcher.start();

        assertThat(awaitDelivered(1)).hasSize(1);
        assertThat(claims.get()).isGreaterThan(1);
    }

    @Test
    void anEventGivenUpOnStaysFailedAndIsHeard() throws Exception {
        refuseNext.set(Integer.MAX_VALUE);
        List<Integer> gaveUp = new CopyOnWriteArrayList<>();
        CountDownLatch heard = new CountDownLatch(1);
        URI hooks = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        dispatcher = new WebhookDispatcher(pending, List.of(hooks), new WebhookSigner(WebhookSecret.parse(SECRET)),
                new WebhookSender(Duration.ofSeconds(2), senderThreads),
                new RetrySchedule(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(300)),
                new DeliveryListener() {
                    @Override
                    public void gaveUp(OutboxEvent event, int attempts) {
                        gaveUp.add(attempts);
                        heard.countDown();
                    }
                },
                new WebhookDispatcher.Pacing(Duration.ofMillis(10), 10, Duration.ofSeconds(5), 8), Clock.systemUTC());
        dispatcher.start();
        matchmaker.join(PlayerId.of("g1"));
        matchmaker.join(PlayerId.of("g2"));

        assertThat(heard.await(10, TimeUnit.SECONDS)).as("given up within the schedule's 300 ms, heard").isTrue();
        assertThat(gaveUp).singleElement().satisfies(attempts -> assertThat(attempts).isGreaterThan(1));
        assertThat(pending.stats().failed()).isEqualTo(1);
        assertThat(pending.stats().undelivered()).isZero();
    }
}
