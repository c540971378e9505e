package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A queue's lock row lives while the queue is in use, its match ready or not, so the queue's next
 * unit finds it; the purge removes the rows of queues without a waiting match, so queue names
 * leave nothing behind.
 */
class QueueRowTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final MySqlMatchRepository repository = MySqlMatchRepository.open(database.settings(2));
    private final Matchmaker matchmaker = Matchmaker.builder(repository).build();
    private final QueueName queue = QueueName.of("one-off");

    @AfterEach
    void cleanUp() {
        repository.close();
        database.close();
    }

    @Test
    void theRowOutlivesTheReadyMatchUntilThePurge() throws SQLException {
        join("p1");
        assertThat(queueRows()).isEqualTo(1);

        join("p2");
        join("p3");
        assertThat(queueRows()).isEqualTo(1);

        repository.purgeReadyMatches(Instant.EPOCH);
        assertThat(queueRows()).isZero();

        assertThat(join("p4").match().players()).containsExactly(PlayerId.of("p4"));
        assertThat(queueRows()).isEqualTo(1);
    }

    @Test
    void thePurgeKeepsTheRowOfAQueueWithAWaitingMatch() throws SQLException {
        join("p1");
        join("p2");
        join("p3");
        join("p4");

        repository.purgeReadyMatches(Instant.EPOCH);

        assertThat(queueRows()).isEqualTo(1);
        assertThat(join("p5").match().players()).containsExactly(PlayerId.of("p4"), PlayerId.of("p5"));
    }

    @Test
    void aRowGivenAWaitingMatchWhileThePurgeWaitsForItsLockIsKept() throws Exception {
        join("p1");
        join("p2");
        MatchId ready = join("p3").match().id();

        try (Connection unit = database.connect(); Statement statement = unit.createStatement()) {
            unit.setAutoCommit(false);
            // another unit holds the idle row and gives the queue a waiting match
            statement.executeQuery("SELECT * FROM mm_queue WHERE queue = 'one-off' FOR UPDATE").close();
            statement.executeUpdate("UPDATE mm_queue SET waiting_match_id = '" + ready.value() + "'"
                    + " WHERE queue = 'one-off'");
            CompletableFuture<Integer> purge = CompletableFuture.supplyAsync(
                    () -> repository.purgeReadyMatches(Instant.EPOCH));
            awaitThePurgesDelete();
            unit.commit();

            assertThat(purge.get(10, TimeUnit.SECONDS)).isZero();
        }

        assertThat(queueRows()).isEqualTo(1);
    }

    /** Until the purge's DELETE runs: it read the row as idle before the commit, so it waits for the lock. */
    private void awaitThePurgesDelete() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection observer = database.connect(); Statement statement = observer.createStatement()) {
            while (true) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'DELETE FROM mm_queue%'")) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the purge waits for the row's lock").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    private JoinResult join(String player) {
        return matchmaker.join(new JoinRequest(PlayerId.of(player), queue));
    }

    private int queueRows() throws SQLException {
        try (Connection connection = database.connect();
                ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM mm_queue")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
