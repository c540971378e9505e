package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlFailureTest {

    @Test
    void deadlocksAndLockWaitTimeoutsAreContention() {
        assertThat(SqlFailure.of(new SQLException("Deadlock found", "40001", 1213))).isEqualTo(SqlFailure.LOCK_CONTENTION);
        assertThat(SqlFailure.of(new SQLException("Lock wait timeout", "HY000", 1205)))
                .isEqualTo(SqlFailure.LOCK_CONTENTION);
        assertThat(SqlFailure.of(new RuntimeException(new SQLException("x", "40001", 0))))
                .isEqualTo(SqlFailure.LOCK_CONTENTION);
    }

    @Test
    void lostConnectionsAreUnavailable() {
        assertThat(SqlFailure.of(new SQLTransientConnectionException("pool timeout"))).isEqualTo(SqlFailure.UNAVAILABLE);
        assertThat(SqlFailure.of(new RuntimeException(new SQLException("link failure", "08S01", 0))))
                .isEqualTo(SqlFailure.UNAVAILABLE);
    }

    @Test
    void aConnectionThatDiedUnderAUnitIsUnavailable() {
        assertThat(SqlFailure.of(new SQLException("No operations allowed after statement closed.", "S1009")))
                .isEqualTo(SqlFailure.UNAVAILABLE);
        assertThat(SqlFailure.of(new SQLException("No operations allowed after connection closed.", "08003")))
                .isEqualTo(SqlFailure.UNAVAILABLE);
        assertThat(SqlFailure.of(new SQLException("Connection is closed"))).isEqualTo(SqlFailure.UNAVAILABLE);
    }

    @Test
    void aClosedPoolOrAReadOnlyServerIsUnavailable() {
        assertThat(SqlFailure.of(new SQLException("HikariDataSource HikariDataSource (x) has been closed.")))
                .isEqualTo(SqlFailure.UNAVAILABLE);
        assertThat(SqlFailure.of(new SQLException("read-only", "HY000", 1290))).isEqualTo(SqlFailure.UNAVAILABLE);
        assertThat(SqlFailure.of(new SQLException("syntax", "42000", 1064))).isEqualTo(SqlFailure.UNEXPECTED);
    }

    @Test
    void aDuplicateKeyIsRecognisedInsideABatch() {
        BatchUpdateException batch = new BatchUpdateException("batch", "23000", 1062, new int[0]);
        batch.setNextException(new SQLException("Duplicate entry", "23000", 1062));
        assertThat(SqlFailure.isDuplicateKey(new RuntimeException(batch))).isTrue();
        assertThat(SqlFailure.of(batch)).isEqualTo(SqlFailure.UNEXPECTED);
        assertThat(SqlFailure.isDuplicateKey(new SQLException("syntax", "42000", 1064))).isFalse();
    }
}
