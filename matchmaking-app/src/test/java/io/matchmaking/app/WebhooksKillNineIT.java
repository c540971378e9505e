package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks from the real jar on MySQL when instances die or run side by side: an event claimed by
 * an instance killed mid-delivery is delivered by another once the claim's lease ends, and two
 * live instances never both deliver one event.
 */
class WebhooksKillNineIT extends MySqlProcessTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final LinkedBlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hold;
    private final HttpServer receiver;

    WebhooksKillNineIT() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                new Webhook(SECRET).verify(body, Map.copyOf(exchange.getRequestHeaders()));
            } catch (Exception forged) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            arrivals.add(id);
            if (hold) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            answered.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        released.countDown();
        receiver.stop(0);
    }

    private String[] env() {
        return mysqlEnv(database.url(), "MATCHMAKING_ADDRESS_RATE_LIMIT", "0", "MATCHMAKING_MATCH_SIZE", "2",
                "MATCHMAKING_WEBHOOK_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "MATCHMAKING_WEBHOOK_SECRET", SECRET, "MATCHMAKING_WEBHOOK_TIMEOUT", "1");
    }

    private long outboxRows() throws Exception {
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT COUNT(*) FROM " + database.name() + ".mm_outbox")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Bounded polling of the database: the outbox empties once every event is booked delivered. */
    private void awaitEmptyOutbox() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (outboxRows() > 0) {
            assertThat(System.nanoTime()).as("the outbox emptied within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void anEventClaimedByAnInstanceKilledMidDeliveryIsDeliveredByAnother() throws Exception {
        hold = true;
        String id;
        try (ServerProcess first = ServerProcess.start(env())) {
            first.client().join("a");
            first.client().join("b");
            id = arrivals.poll(20, TimeUnit.SECONDS);
            assertThat(id).as("the first instance claimed and sent the ready match").isNotNull();
            first.killNine();
        }
        hold = false;
        released.countDown();
        try (ServerProcess second = ServerProcess.start(env())) {
            String again = arrivals.poll(30, TimeUnit.SECONDS);
            assertThat(second.client().get("/health/ready").status()).isEqualTo(200);

            assertThat(again).as("the same event, by the other instance once the lease ended").isEqualTo(id);
            awaitEmptyOutbox();
            assertThat(answered).containsOnlyKeys(id);
        }
    }

    @Test
    void twoLiveInstancesNeverBothDeliverOneEvent() throws Exception {
        try (ServerProcess one = ServerProcess.start(env()); ServerProcess two = ServerProcess.start(env())) {
            for (int i = 0; i < 60; i++) {
                (i % 2 == 0 ? one : two).client().join("t" + i);
            }
            awaitEmptyOutbox();

            assertThat(answered).hasSize(30);
            assertThat(answered.values()).allSatisfy(count -> assertThat(count).as("delivered once").hasValue(1));
            assertThat(List.copyOf(arrivals)).hasSize(30);
        }
    }
}
