package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.RetryPolicy;
import io.matchmaking.core.RetryReason;
import io.matchmaking.core.StoreUnavailableException;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Another session holds the queue's row: the unit waits (innodb_lock_wait_timeout = 1 s), is
 * run again by the core's retry policy (here two attempts), then answered as unavailable; nothing half-done is left, and it works once released.
 */
class LockWaitTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final MySqlMatchRepository repository = MySqlMatchRepository.open(
            database.settings(2).withLockWaitTimeout(Duration.ofSeconds(1)));
    private final List<RetryReason> retries = new CopyOnWriteArrayList<>();
    private final Matchmaker matchmaker = Matchmaker.builder(repository)
            .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(2))
            .retryListener(retries::add)
            .build();

    @AfterEach
    void cleanUp() {
        repository.close();
        database.close();
    }

    @Test
    void aHeldQueueLockIsRetriedThenUnavailableAndLeavesNoPartialMatch() throws Exception {
        Match first = matchmaker.join(PlayerId.of("p1")).match();

        try (Connection holder = database.connect(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT * FROM mm_queue WHERE queue = 'default' FOR UPDATE").close();

            assertThatThrownBy(() -> matchmaker.join(PlayerId.of("p2")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("2 attempts did not commit (lock_contention)");
            assertThat(retries).containsExactly(RetryReason.LOCK_CONTENTION);
            holder.rollback();
        }

        assertThat(matchmaker.findMatch(first.id())).contains(first);
        assertThat(repository.findWaitingPlayer(PlayerId.of("p2"))).isEmpty();
        assertThat(matchmaker.join(PlayerId.of("p2")).match().players())
                .containsExactly(PlayerId.of("p1"), PlayerId.of("p2"));
    }
}
