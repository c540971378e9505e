package io.matchmaking.core.store;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The storage port. Stores promise atomicity and nothing else: every rule lives in the core and
 * reaches the store as a {@link QueueWork}. A store is correct when it passes the contract suite
 * in this module's test-jar ({@code MatchRepositoryContract}).
 *
 * <p>Failures to reach the storage are {@link io.matchmaking.core.StoreUnavailableException}; a
 * commit whose outcome the store cannot establish is an {@link io.matchmaking.core.OutcomeUnknownException}.
 */
public interface MatchRepository extends AutoCloseable {

    /**
     * Runs {@code work} once, atomically for {@code queue}: no other unit of the same queue
     * interleaves, and readers see all of its changes or none. A store never runs it again itself:
     * an attempt that did not commit but may simply be repeated (a lost claim, a deadlock, a COMMIT
     * shown not to have happened) is a {@link io.matchmaking.core.UnitNotCommittedException} with its
     * reason, and the core's retry policy decides what follows.
     */
    <T> T inQueue(QueueName queue, QueueWork<T> work);

    /** The match, waiting or ready, unless unknown or purged. */
    Optional<Match> findMatch(MatchId id);

    /**
     * The matches of these ids that exist, in any order: one batched read, for watchers that
     * look for changes made by other instances. The default reads them one by one.
     */
    default List<Match> findMatches(Collection<MatchId> ids) {
        return ids.stream().map(this::findMatch).flatMap(Optional::stream).toList();
    }

    /** The idempotency record of {@code id}, if a request with that key was served within the retention. */
    Optional<IdempotencyRecord> findIdempotencyRecord(IdempotencyRecord.Id id);

    /** The player's waiting place, if they wait anywhere. */
    Optional<WaitingPlayer> findWaitingPlayer(PlayerId player);

    /** The match the player waits in, else the latest retained ready match that holds them. */
    Optional<Match> findCurrentMatchOf(PlayerId player);

    /** Every queue that has a waiting match, with its waiting places. */
    List<QueueStats> queues();

    /**
     * Deletes ready matches that became ready before {@code readyBefore}, and idempotency records
     * written before it; they are not found afterwards. Ready matches never change, so this needs
     * no queue lock. A store may throw {@link io.matchmaking.core.UnitNotCommittedException} part
     * way (lock contention): the core runs the purge again whole.
     *
     * @return how many were deleted
     */
    int purgeReadyMatches(Instant readyBefore);

    /**
     * The store's own clock, if it has one that every instance shares (a database): one read, for
     * the cut-offs of the sweep and the age of waits. Empty by default.
     */
    default Optional<Instant> now() {
        return Optional.empty();
    }

    /**
     * The store's outbox, which {@link QueueChanges#outbox()} writes to in each unit's atomic step;
     * empty for a store that has none (a matchmaker that sends events then refuses to start).
     */
    default Optional<Outbox> outbox() {
        return Optional.empty();
    }

    /** Whether the storage answers now (the readiness check). */
    default boolean isAvailable() {
        return true;
    }

    /** Releases connections and threads; the default has none. */
    @Override
    default void close() {
    }
}
