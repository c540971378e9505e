package io.matchmaking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attempts against a real receiver on a random port, which verifies each signature with the
 * reference library as a game's backend would.
 */
class WebhookSenderTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final WebhookSender sender = new WebhookSender(Duration.ofMillis(500), 8);
    private final WebhookSigner signer = new WebhookSigner(WebhookSecret.parse(SECRET));
    private final List<String> verified = new CopyOnWriteArrayList<>();
    private final List<String> upgrades = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;
    private final HttpServer receiver;

    WebhookSenderTest() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestHeaders().containsKey("Upgrade")) {
                upgrades.add(exchange.getRequestHeaders().getFirst("Upgrade"));
            }
            try {
                new Webhook(SECRET).verify(body, Map.copyOf(exchange.getRequestHeaders()));
                verified.add(exchange.getRequestHeaders().getFirst("webhook-id") + " " + body);
            } catch (Exception forged) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (hold) {
                awaitRelease();
            }
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
        sender.close();
    }

    private URI hooks() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    }

    private SignedWebhook event(String id) {
        return signer.sign(id, Instant.now(), "{\"type\":\"match.ready\",\"data\":{\"match_id\":\"m1\"}}");
    }

    @Test
    void aReceiverThatVerifiesAndAnswers2xxHasIt() {
        DeliveryOutcome outcome = sender.send(hooks(), event("evt-1")).join();

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(verified).containsExactly("evt-1 {\"type\":\"match.ready\",\"data\":{\"match_id\":\"m1\"}}");
        assertThat(upgrades).as("plain HTTP/1.1, no h2c upgrade offered").isEmpty();
    }

    @Test
    void anyOtherAnswerIsRefusedWithItsStatus() {
        answer.set(500);

        DeliveryOutcome outcome = sender.send(hooks(), event("evt-2")).join();

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.REFUSED);
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.detail()).isEqualTo("answered 500");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsTimedOutWhileItStillHoldsTheRequest() {
        hold = true;

        DeliveryOutcome outcome = sender.send(hooks(), event("evt-3")).join();

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.TIMED_OUT);
        assertThat(release.getCount()).as("the receiver was still holding it").isEqualTo(1);
    }

    @Test
    void nobodyListeningIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        DeliveryOutcome outcome = sender.send(URI.create("http://127.0.0.1:" + closed + "/hooks"), event("evt-4")).join();

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.UNREACHABLE);
        assertThat(outcome.detail()).contains("ConnectException");
    }
}
