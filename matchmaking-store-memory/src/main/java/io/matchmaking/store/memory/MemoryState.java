package io.matchmaking.store.memory;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.StampedLock;

/**
 * The maps behind {@link InMemoryMatchRepository} and the one method that writes them.
 *
 * <p>{@link #apply} writes in an order that keeps lock-free readers consistent: claims first
 * (the only step that can fail, and it undoes itself), then matches, then the ready index, then
 * released places. A reader that follows a place to its match therefore finds the match, and a
 * player of a match that just became ready is found through the ready index before their place
 * disappears.
 */
final class MemoryState {

    final ConcurrentHashMap<MatchId, Match> matches = new ConcurrentHashMap<>();
    /** Each queue's waiting matches in the order they were opened; an immutable list swapped in whole. */
    final ConcurrentHashMap<QueueName, List<Match>> waitingByQueue = new ConcurrentHashMap<>();
    final ConcurrentHashMap<PlayerId, WaitingPlayer> places = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PlayerId, MatchId> lastReady = new ConcurrentHashMap<>();
    /** Ready matches in the order they became ready, so a purge touches only what it deletes. */
    private final ConcurrentLinkedQueue<ReadyMatch> readyOrder = new ConcurrentLinkedQueue<>();
    final ConcurrentHashMap<IdempotencyRecord.Id, IdempotencyRecord> records = new ConcurrentHashMap<>();
    /** Idempotency records in the order they were written, for the purge. */
    private final ConcurrentLinkedQueue<IdempotencyRecord> recordOrder = new ConcurrentLinkedQueue<>();

    private record ReadyMatch(MatchId id, Instant readyAt) {
    }

    /**
     * Commits of all queues take this exclusively; a unit's read of several players' places
     * ({@link #waitingPlaces}) validates against it. Without it a unit could read one member of a
     * party before another queue's commit and another member after it (or a claim that commit
     * then undid), and refuse a party join as "a member waits" where no one-at-a-time order would
     * (Lincheck found this). Held for the few map writes of one commit.
     */
    private final StampedLock commits = new StampedLock();
    final MemoryOutbox outbox = new MemoryOutbox();

    /**
     * Applies one unit's changes; the caller holds the queue's lock.
     *
     * @return false, with nothing changed, when a claimed player already waits in another queue
     */
    boolean apply(QueueName queue, QueueChanges changes) {
        long stamp = commits.writeLock();
        try {
            return applyExclusively(queue, changes);
        } finally {
            commits.unlockWrite(stamp);
        }
    }

    /**
     * The places of {@code players} (those who wait) as one snapshot between commits: an optimistic
     * read, done again under the read lock if a commit ran meanwhile.
     */
    Map<PlayerId, WaitingPlayer> waitingPlaces(Collection<PlayerId> players) {
        long stamp = commits.tryOptimisticRead();
        Map<PlayerId, WaitingPlayer> found = placesOf(players);
        if (commits.validate(stamp)) {
            return found;
        }
        stamp = commits.readLock();
        try {
            return placesOf(players);
        } finally {
            commits.unlockRead(stamp);
        }
    }

    private Map<PlayerId, WaitingPlayer> placesOf(Collection<PlayerId> players) {
        Map<PlayerId, WaitingPlayer> found = new HashMap<>();
        for (PlayerId player : players) {
            WaitingPlayer place = places.get(player);
            if (place != null) {
                found.put(player, place);
            }
        }
        return found;
    }

    private boolean applyExclusively(QueueName queue, QueueChanges changes) {
        Set<PlayerId> releasing = new HashSet<>(changes.released());
        if (!claimRecords(changes.recorded())) {
            return false;
        }
        if (!claimNewPlaces(changes.claimed(), releasing)) {
            changes.recorded().forEach(record -> records.remove(record.id(), record));
            return false;
        }
        recordOrder.addAll(changes.recorded());
        Set<PlayerId> replaced = new HashSet<>();
        for (WaitingPlayer place : changes.claimed()) {
            if (releasing.contains(place.player())) {
                places.put(place.player(), place);
                replaced.add(place.player());
            }
        }
        for (WaitingPlayer place : changes.refreshed()) {
            places.put(place.player(), place);
        }
        for (Match match : changes.savedMatches()) {
            save(queue, match);
        }
        for (MatchId id : changes.deletedMatches()) {
            matches.remove(id);
            replaceWaiting(queue, id, null);
        }
        for (PlayerId player : changes.released()) {
            if (!replaced.contains(player)) {
                places.remove(player);
            }
        }
        outbox.append(changes);
        return true;
    }

    /** Writes every idempotency record whose key is still free; all or nothing (another queue's unit may have one). */
    private boolean claimRecords(List<IdempotencyRecord> claimed) {
        List<IdempotencyRecord> taken = new ArrayList<>();
        for (IdempotencyRecord record : claimed) {
            if (records.putIfAbsent(record.id(), record) != null) {
                taken.forEach(done -> records.remove(done.id(), done));
                return false;
            }
            taken.add(record);
        }
        return true;
    }

    /** Takes every new place of a player who waits nowhere; all or nothing. */
    private boolean claimNewPlaces(List<WaitingPlayer> claimed, Set<PlayerId> releasing) {
        List<WaitingPlayer> taken = new ArrayList<>();
        for (WaitingPlayer place : claimed) {
            if (releasing.contains(place.player())) {
                continue;
            }
            if (places.putIfAbsent(place.player(), place) != null) {
                taken.forEach(done -> places.remove(done.player(), done));
                return false;
            }
            taken.add(place);
        }
        return true;
    }

    private void save(QueueName queue, Match match) {
        matches.put(match.id(), match);
        replaceWaiting(queue, match.id(), match.isReady() ? null : match);
        if (!match.isReady()) {
            return;
        }
        for (PlayerId player : match.players()) {
            lastReady.put(player, match.id());
        }
        readyOrder.add(new ReadyMatch(match.id(), Objects.requireNonNull(match.readyAt())));
    }

    /**
     * The waiting match {@code id} of {@code queue} becomes {@code next}: in its place, at the end
     * when it is new, gone when {@code next} is null. The queue's entry leaves with its last match.
     */
    private void replaceWaiting(QueueName queue, MatchId id, Match next) {
        waitingByQueue.compute(queue, (name, open) -> {
            List<Match> after = new ArrayList<>(open == null ? List.of() : open);
            int index = indexOf(after, id);
            if (index >= 0 && next == null) {
                after.remove(index);
            } else if (index >= 0) {
                after.set(index, next);
            } else if (next != null) {
                after.add(next);
            }
            return after.isEmpty() ? null : List.copyOf(after);
        });
    }

    private static int indexOf(List<Match> matches, MatchId id) {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    Optional<Match> currentMatchOf(PlayerId player) {
        WaitingPlayer place = places.get(player);
        if (place != null) {
            Match waiting = matches.get(place.matchId());
            if (waiting != null && waiting.contains(player)) {
                return Optional.of(waiting);
            }
        }
        MatchId ready = lastReady.get(player);
        return ready == null ? Optional.empty() : Optional.ofNullable(matches.get(ready));
    }

    List<QueueStats> queues() {
        List<QueueStats> stats = new ArrayList<>();
        waitingByQueue.forEach((queue, open) -> {
            List<WaitingPlayer> waiting = new ArrayList<>();
            for (Match match : open) {
                for (PlayerId player : match.players()) {
                    WaitingPlayer place = places.get(player);
                    if (place != null && place.matchId().equals(match.id())) {
                        waiting.add(place);
                    }
                }
            }
            stats.add(new QueueStats(queue, open, waiting));
        });
        return stats;
    }

    /**
     * Ready matches are queued in commit order, which is readyAt order while the clock does not
     * step back; after a backward step a few may wait one extra pass.
     */
    int purgeReadyMatches(Instant readyBefore) {
        // records first: a record whose match is gone would have nothing to answer
        IdempotencyRecord oldest;
        while ((oldest = recordOrder.peek()) != null && oldest.createdAt().isBefore(readyBefore)) {
            if (recordOrder.remove(oldest)) {
                records.remove(oldest.id(), oldest);
            }
        }
        int purged = 0;
        ReadyMatch head;
        while ((head = readyOrder.peek()) != null && head.readyAt().isBefore(readyBefore)) {
            if (readyOrder.remove(head) && forget(head.id())) {
                purged++;
            }
        }
        return purged;
    }

    private boolean forget(MatchId id) {
        Match match = matches.remove(id);
        if (match == null) {
            return false;
        }
        match.players().forEach(player -> lastReady.remove(player, id));
        return true;
    }

    StoreSizes sizes() {
        return new StoreSizes(matches.size(), waitingByQueue.size(), places.size(), lastReady.size(), readyOrder.size(),
                records.size());
    }
}
