package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
