package io.matchmaking.core.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One match, immutable: every change returns the next state with {@code version} one higher.
 * A match is {@link MatchStatus#READY} exactly when it holds {@code size} players, and then it
 * never changes again.
 *
 * @param id        unique forever
 * @param queue     the queue it fills from
 * @param size      players it needs to be ready (2..100)
 * @param status    waiting or ready
 * @param players   distinct players in the order they joined
 * @param updatedAt the last change
 * @param readyAt   when it became ready; {@code null} while waiting
 * @param version   0 for a match not stored yet, then one more per change (the HTTP ETag)
 */
public record Match(
        MatchId id,
        QueueName queue,
        int size,
        MatchStatus status,
        List<PlayerId> players,
        Instant updatedAt,
        Instant readyAt,
        long version) {

    /** The smallest match size. */
    public static final int MIN_SIZE = 2;
    /** The largest match size. */
    public static final int MAX_SIZE = 100;

    /** Checks every invariant, so no invalid match can exist, whichever store built it. */
    public Match {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        players = List.copyOf(players);
        requireValidSize(size);
        if (new HashSet<>(players).size() != players.size()) {
            throw new IllegalArgumentException("a match holds each player once: " + players);
        }
        if (players.size() > size) {
            throw new IllegalArgumentException("a match of size " + size + " cannot hold " + players.size());
        }
        boolean full = players.size() == size;
        if (full != (status == MatchStatus.READY)) {
            throw new IllegalArgumentException("a match is ready exactly when it is full");
        }
        if ((readyAt != null) != (status == MatchStatus.READY)) {
            throw new IllegalArgumentException("readyAt is set exactly when the match is ready");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    /** A new, empty waiting match (version 0: not stored yet). */
    public static Match open(MatchId id, QueueName queue, int size, Instant now) {
        return new Match(id, queue, size, MatchStatus.WAITING, List.of(), now, null, 0);
    }

    /** Fails unless {@code size} is a valid match size. */
    public static int requireValidSize(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("match size must be between " + MIN_SIZE + " and " + MAX_SIZE);
        }
        return size;
    }

    /** Whether the match is full and final. */
    public boolean isReady() {
        return status == MatchStatus.READY;
    }

    /** Whether {@code player} holds a place in this match. */
    public boolean contains(PlayerId player) {
        return players.contains(player);
    }

    /** Places still free: how many players it takes to make this match ready. */
    public int seatsLeft() {
        return size - players.size();
    }

    /** The next state with {@code player} in the last place; ready if that filled it. */
    public Match withPlayer(PlayerId player, Instant now) {
        return withPlayers(List.of(player), now);
    }

    /**
     * The next state with {@code joining} in the last places, in their order (one change, however
     * many join); ready if they filled it.
     */
    public Match withPlayers(List<PlayerId> joining, Instant now) {
        requireWaiting();
        for (PlayerId player : joining) {
            if (contains(player)) {
                throw new IllegalStateException(player + " is already in match " + id);
            }
        }
        if (joining.size() > seatsLeft()) {
            throw new IllegalStateException(joining.size() + " players do not fit the " + seatsLeft()
                    + " seats left in match " + id);
        }
        List<PlayerId> next = new ArrayList<>(players.size() + joining.size());
        next.addAll(players);
        next.addAll(joining);
        boolean full = next.size() == size;
        Instant at = notBeforeLastChange(now);
        return new Match(id, queue, size, full ? MatchStatus.READY : MatchStatus.WAITING, next, at,
                full ? at : null, version + 1);
    }

    /** The next state without {@code gone} (one change, however many leave); the others keep their order. */
    public Match withoutPlayers(Collection<PlayerId> gone, Instant now) {
        requireWaiting();
        if (!players.containsAll(gone)) {
            throw new IllegalStateException("not all of " + gone + " are in match " + id);
        }
        List<PlayerId> next = new ArrayList<>(players);
        next.removeAll(gone);
        return new Match(id, queue, size, MatchStatus.WAITING, next, notBeforeLastChange(now), null, version + 1);
    }

    /** A match's times never go backwards, whichever clock stamps them: a change is no earlier than the last. */
    private Instant notBeforeLastChange(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    private void requireWaiting() {
        if (isReady()) {
            throw new IllegalStateException("match " + id + " is ready and never changes again");
        }
    }
}
