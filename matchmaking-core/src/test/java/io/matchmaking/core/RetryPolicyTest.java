package io.matchmaking.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The one retry policy: a store throws {@link UnitNotCommittedException} after one attempt, and the
 * core alone decides whether the unit runs again, how soon, and when to give up, on one budget per call.
 */
class RetryPolicyTest {

    private final SnapshotStore store = new SnapshotStore(3);
    private final List<RetryReason> heard = new CopyOnWriteArrayList<>();
    private final List<MatchmakingEvent> events = new CopyOnWriteArrayList<>();

    private static final QueueName DEFAULT = QueueName.DEFAULT;

    private static UnitNotCommittedException notCommitted(RetryReason reason) {
        return new UnitNotCommittedException(reason, "scripted " + reason.label(), null);
    }

    private Matchmaker matchmaker(RetryPolicy policy) {
        return Matchmaker.builder(store).rules(MatchmakingRules.ofSize(3)).retryPolicy(policy)
                .retryListener(heard::add).listener(events::add).build();
    }

    @Test
    void aUnitThatDidNotCommitRunsAgainAndOnlyTheCommittedAttemptIsAnsweredAndPublished() {
        store.failNext(DEFAULT, notCommitted(RetryReason.CLAIM_CONFLICT), notCommitted(RetryReason.COMMIT_LOST));

        Match match = matchmaker(RetryPolicy.DEFAULT).join(PlayerId.of("p1")).match();

        assertThat(store.units).isEqualTo(3);
        assertThat(heard).containsExactly(RetryReason.CLAIM_CONFLICT, RetryReason.COMMIT_LOST);
        assertThat(match.players()).containsExactly(PlayerId.of("p1"));
        assertThat(events).as("the refused attempts decided events too; none of them happened").hasSize(1);
        assertThat(store.places()).containsOnlyKeys(PlayerId.of("p1"));
    }

    @Test
    void lockContentionThatOutlastsTheBudgetIsUnavailableAfterExactlyMaxAttempts() {
        store.failNext(DEFAULT, notCommitted(RetryReason.LOCK_CONTENTION), notCommitted(RetryReason.LOCK_CONTENTION),
                notCommitted(RetryReason.LOCK_CONTENTION));

        assertThatThrownBy(() -> matchmaker(new RetryPolicy(3, Duration.ofMillis(1))).join(PlayerId.of("p1")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("the join of p1: 3 attempts did not commit (lock_contention)")
                .hasCauseInstanceOf(UnitNotCommittedException.class);
        assertThat(store.units).isEqualTo(3);
        assertThat(heard).as("the last attempt is not retried").hasSize(2);
        assertThat(store.places()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void claimsLostOverAndOverAreAConflictOfConcurrentRequestsNotAStoreFailure() {
        store.failNext(DEFAULT, notCommitted(RetryReason.CLAIM_CONFLICT), notCommitted(RetryReason.CLAIM_CONFLICT));

        assertThatThrownBy(() -> matchmaker(RetryPolicy.DEFAULT.withMaxAttempts(2)).join(PlayerId.of("p1")))
                .isInstanceOf(ConflictingUpdateException.class)
                .hasMessageContaining("claim_conflict");
    }

    @Test
    void followingAPlayerToAnotherQueueSpendsTheSameBudgetAsRetries() {
        QueueName other = QueueName.of("other");
        Matchmaker matchmaker = matchmaker(RetryPolicy.DEFAULT.withMaxAttempts(2));
        matchmaker.join(new JoinRequest(PlayerId.of("p1"), other));
        store.failNext(other, notCommitted(RetryReason.LOCK_CONTENTION));
        int before = store.units;

        assertThatThrownBy(() -> matchmaker.join(PlayerId.of("p1")))
                .as("the join of default, then the refresh in other that did not commit: two of two")
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(store.units - before).isEqualTo(2);
        assertThat(store.places().get(PlayerId.of("p1")).queue()).isEqualTo(other);
    }

    @Test
    void anUnknownOutcomeIsNeverRetriedBecauseTheUnitMayHaveCommitted() {
        store.failNext(DEFAULT, new OutcomeUnknownException("unit of queue default", new RuntimeException("reset")));

        assertThatThrownBy(() -> matchmaker(RetryPolicy.DEFAULT).join(PlayerId.of("p1")))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(store.units).isEqualTo(1);
        assertThat(heard).isEmpty();
    }

    @Test
    void onlyLockContentionPausesAndThePauseIsBoundedByTheDoublingBase() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(5));
        assertThat(policy.pauseAfter(RetryReason.CLAIM_CONFLICT, 3)).isZero();
        assertThat(policy.pauseAfter(RetryReason.COMMIT_LOST, 3)).isZero();
        for (int attempt = 1; attempt <= 10; attempt++) {
            Duration bound = Duration.ofMillis(5L << Math.min(attempt, 6));
            for (int i = 0; i < 200; i++) {
                assertThat(policy.pauseAfter(RetryReason.LOCK_CONTENTION, attempt)).isPositive().isLessThanOrEqualTo(bound);
            }
        }
        assertThat(new RetryPolicy(2, Duration.ZERO).pauseAfter(RetryReason.LOCK_CONTENTION, 1)).isZero();
    }

    @Test
    void aPolicyWithoutAttemptsOrWithANegativePauseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPurgeTheStoreGaveUpOnPartWayIsRunAgainWhole() {
        store.failNextPurges(notCommitted(RetryReason.LOCK_CONTENTION));

        SweepReport report = matchmaker(RetryPolicy.DEFAULT).sweep();

        assertThat(store.purges).isEqualTo(2);
        assertThat(heard).containsExactly(RetryReason.LOCK_CONTENTION);
        assertThat(report.purgedReadyMatches()).isZero();
    }
}
