package io.matchmaking.webhooks.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A game's backend as the tests play it: a real HTTP server on a random port that checks every
 * signature with the Standard Webhooks reference library (code that shares nothing with ours),
 * and that can refuse for a while, or hold requests unanswered, as a receiver that is down or
 * slow would. Arrivals are every signed request as it comes; deliveries the ones answered 2xx.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The secret the tests sign with, in the {@code whsec_} form. */
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One signed request: its {@code webhook-id} and body. */
    public record Arrival(String id, String body) {

        /** The body, parsed. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new UncheckedIOException(notJson);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Webhook verifier;
    private final LinkedBlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Arrival> deliveries = new LinkedBlockingQueue<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final List<String> forged = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private volatile CountDownLatch gate;
    private volatile boolean answerHeld = true;

    private WebhookReceiver(Webhook verifier) throws IOException {
        this.verifier = verifier;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/hooks", this::receive);
        server.start();
    }

    /** A receiver that verifies with {@link #SECRET}. */
    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver(new Webhook(SECRET));
        } catch (IOException noPort) {
            throw new UncheckedIOException(noPort);
        } catch (EmptyWebhookSecretException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            try {
                verifier.verify(body, Map.copyOf(exchange.getRequestHeaders()));
            } catch (Exception notOurs) {
                forged.add(body);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Arrival arrival = new Arrival(id, body);
            arrivals.add(arrival);
            attempts.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            CountDownLatch held = gate;
            if (held != null && !awaitRelease(held)) {
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            delivered.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            deliveries.add(arrival);
        }
    }

    /** Whether a held request is answered once released (rather than closed without an answer). */
    private boolean awaitRelease(CountDownLatch held) {
        try {
            held.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
        return answerHeld;
    }

    /** Where to POST. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    /** The next {@code count} signed requests are answered 503, as a receiver that is down. */
    public void refuseNext(int count) {
        refuseNext.set(count);
    }

    /** From now on signed requests wait, unanswered, until {@link #release} or {@link #dropHeld}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Answers the held requests 2xx, and later ones at once. */
    public void release() {
        open(true);
    }

    /** Ends the held requests without an answer (as if the receiver crashed), and answers later ones at once. */
    public void dropHeld() {
        open(false);
    }

    private void open(boolean answer) {
        CountDownLatch held = gate;
        answerHeld = answer;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** The next signed request to arrive, answered or not; null if none within {@code wait}. */
    public Arrival nextArrival(Duration wait) throws InterruptedException {
        return arrivals.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next request answered 2xx; null if none within {@code wait}. */
    public Arrival nextDelivery(Duration wait) throws InterruptedException {
        return deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Signed requests by {@code webhook-id}, answered or not. */
    public Map<String, Integer> attemptsById() {
        return counts(attempts);
    }

    /** Requests answered 2xx, by {@code webhook-id}. */
    public Map<String, Integer> deliveriesById() {
        return counts(delivered);
    }

    /** Bodies whose signature the reference library refused. */
    public List<String> forged() {
        return List.copyOf(forged);
    }

    private static Map<String, Integer> counts(Map<String, AtomicInteger> counters) {
        Map<String, Integer> counts = new HashMap<>();
        counters.forEach((id, count) -> counts.put(id, count.get()));
        return Map.copyOf(counts);
    }

    @Override
    public void close() {
        open(false);
        server.stop(0);
        threads.shutdownNow();
    }
}
