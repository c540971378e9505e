package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.webhooks.testkit.WebhookReceiver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks from the real jar on MySQL when instances die or run side by side: an event claimed by
 * an instance killed mid-delivery is delivered by another once the claim's lease ends, and two
 * live instances never both deliver one event.
 */
class WebhooksKillNineIT extends MySqlProcessTest {

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private String[] env() {
        return mysqlEnv(database.url(), "MATCHMAKING_ADDRESS_RATE_LIMIT", "0", "MATCHMAKING_MATCH_SIZE", "2",
                "MATCHMAKING_WEBHOOK_URL", receiver.url().toString(),
                "MATCHMAKING_WEBHOOK_SECRET", WebhookReceiver.SECRET, "MATCHMAKING_WEBHOOK_TIMEOUT", "1");
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
        receiver.hold();
        String id;
        try (ServerProcess first = ServerProcess.start(env())) {
            first.client().join("a");
            first.client().join("b");
            WebhookReceiver.Arrival sent = receiver.nextArrival(Duration.ofSeconds(20));
            assertThat(sent).as("the first instance claimed and sent the ready match").isNotNull();
            id = sent.id();
            first.killNine();
        }
        receiver.dropHeld();
        try (ServerProcess second = ServerProcess.start(env())) {
            WebhookReceiver.Arrival again = receiver.nextArrival(Duration.ofSeconds(30));
            assertThat(second.client().get("/health/ready").status()).isEqualTo(200);

            assertThat(again).as("sent again once the lease ended").isNotNull();
            assertThat(again.id()).as("the same event, by the other instance").isEqualTo(id);
            awaitEmptyOutbox();
            assertThat(receiver.deliveriesById()).containsOnlyKeys(id);
        }
    }

    @Test
    void twoLiveInstancesNeverBothDeliverOneEvent() throws Exception {
        try (ServerProcess one = ServerProcess.start(env()); ServerProcess two = ServerProcess.start(env())) {
            for (int i = 0; i < 60; i++) {
                (i % 2 == 0 ? one : two).client().join("t" + i);
            }
            awaitEmptyOutbox();

            assertThat(receiver.deliveriesById()).hasSize(30);
            assertThat(receiver.attemptsById().values()).as("each sent once, by one instance")
                    .allSatisfy(count -> assertThat(count).isEqualTo(1));
        }
    }
}
