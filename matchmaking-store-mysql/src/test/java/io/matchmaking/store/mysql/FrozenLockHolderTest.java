package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.PlayerId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An instance that froze (or lost its network) inside a unit, holding its queue's lock, blocks the
 * queue on the other instances for at most 10 s: after a lock wait times out, the waiting instance
 * ends sessions idle inside a transaction, and the queue goes on with nothing lost.
 */
@Timeout(60)
class FrozenLockHolderTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private TcpProxy proxy;
    private MySqlMatchRepository frozenInstance;
    private final MySqlMatchRepository liveInstance = MySqlMatchRepository.open(database.settings(2));

    @AfterEach
    void cleanUp() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (frozenInstance != null) {
            frozenInstance.close();
        }
        liveInstance.close();
        database.close();
    }

    @Test
    void anInstanceFrozenAfterLockingAQueueBlocksItElsewhereForAtMostTenSeconds() throws Exception {
        proxy = TcpProxy.to(database.serverAddress());
        MySqlStoreSettings settings = database.settings(2);
        frozenInstance = MySqlMatchRepository.open(new MySqlStoreSettings(database.urlThrough(proxy.address()),
                settings.user(), settings.password(), 2, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        Matchmaker frozen = Matchmaker.builder(frozenInstance).build();
        Matchmaker live = Matchmaker.builder(liveInstance).build();
        frozen.join(PlayerId.of("p1"));
        proxy.freezeAfter("SELECT q.queue AS locked_queue");
        CompletableFuture.runAsync(() -> frozen.join(PlayerId.of("stuck")));
        awaitFired();

        long started = System.nanoTime();
        JoinResult second = live.join(PlayerId.of("p2"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(tookMillis).as("the queue was blocked for").isLessThan(10_000);
        assertThat(second.match().players()).extracting(PlayerId::value).containsExactly("p1", "p2");
        assertThat(liveInstance.findWaitingPlayer(PlayerId.of("stuck"))).as("the frozen unit never committed").isEmpty();
    }

    @Test
    void aSessionThatHoldsAQueueAndSleepsIsEndedWhileOneThatWorksIsNot() throws Exception {
        Matchmaker live = Matchmaker.builder(liveInstance).build();
        live.join(PlayerId.of("p1"));
        try (Connection holder = database.connect(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT * FROM mm_queue WHERE queue = 'default' FOR UPDATE").close();

            JoinResult second = live.join(PlayerId.of("p2"));

            assertThat(second.match().players()).extracting(PlayerId::value).containsExactly("p1", "p2");
            assertThat(holder.isValid(2)).as("the idle holder's session was ended").isFalse();
        }
    }

    private void awaitFired() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (proxy.faultsFired() == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the frozen instance never locked its queue");
            }
            Thread.sleep(10);
        }
    }
}
