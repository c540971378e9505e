package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A queue's lock row lives exactly while the queue has a waiting match: queue names leave nothing behind. */
class QueueRowTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final MySqlMatchRepository repository = MySqlMatchRepository.open(database.settings(2));
    private final Matchmaker matchmaker = Matchmaker.builder(repository).build();

    @AfterEach
    void cleanUp() {
        repository.close();
        database.close();
    }

    @Test
    void theRowComesWithTheWaitingMatchAndGoesWhenItIsReady() throws SQLException {
        QueueName queue = QueueName.of("one-off");
        matchmaker.join(new JoinRequest(PlayerId.of("p1"), queue));
        assertThat(queueRows()).isEqualTo(1);

        matchmaker.join(new JoinRequest(PlayerId.of("p2"), queue));
        matchmaker.join(new JoinRequest(PlayerId.of("p3"), queue));
        assertThat(queueRows()).isZero();

        assertThat(matchmaker.join(new JoinRequest(PlayerId.of("p4"), queue)).match().players())
                .containsExactly(PlayerId.of("p4"));
        assertThat(queueRows()).isEqualTo(1);
    }

    private int queueRows() throws SQLException {
        try (Connection connection = database.connect();
                ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM mm_queue")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
