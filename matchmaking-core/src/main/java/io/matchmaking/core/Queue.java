package io.matchmaking.core;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.event.PlayerLeft;
import io.matchmaking.core.event.PlayerQueued;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.QueueUnit;
import io.matchmaking.core.store.UnitOfWork;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One queue's rules, in one place: the aggregate one unit of work reads under the queue's lock,
 * changes through {@link #join}, {@link #refresh}, {@link #leave} and {@link #expire}, and turns
 * into the net changes a store commits and the events published after the commit. First come first
 * served: each new player takes the next place in the queue's single waiting match (opening one if
 * there is none), and the join that fills it makes it ready in the same unit. A player waits in one
 * place across all queues. A request whose key was served answers that request's match as it is now.
 * Lives for one unit: a store may run a unit again, so nothing here has an effect of its own.
 */
final class Queue {

    private final QueueName name;
    private final MatchmakingRules rules;
    private final Instant now;
    private final QueueUnit unit;
    private final WaitingPlaces places;
    private final UnitRecords records;
    private final Map<MatchId, Match> saved = new LinkedHashMap<>();
    private final List<MatchId> deleted = new ArrayList<>(1);
    private final List<MatchmakingEvent> events = new ArrayList<>();
    private Match open;

    private Queue(QueueName name, MatchmakingRules rules, Instant now, QueueUnit unit, Match open,
            WaitingPlaces places, UnitRecords records) {
        this.name = name;
        this.rules = rules;
        this.now = now;
        this.unit = unit;
        this.open = open;
        this.places = places;
        this.records = records;
    }

    /**
     * The queue as {@code unit} reads it: its waiting match, the places of that match's players and
     * of {@code players} (wherever they wait), and the idempotency records of {@code keys}.
     */
    static Queue read(QueueUnit unit, QueueName name, MatchmakingRules rules, Instant now,
            Collection<PlayerId> players, Set<IdempotencyRecord.Id> keys) {
        Match open = unit.waitingMatch().orElse(null);
        Set<PlayerId> lookup = new LinkedHashSet<>(players);
        if (open != null) {
            lookup.addAll(open.players());
        }
        return new Queue(name, rules, now, unit, open, new WaitingPlaces(name, unit.waitingPlayers(lookup)),
                UnitRecords.read(unit, keys));
    }

    /** A join of this queue; {@code matchIds} names a match this join opens. */
    JoinStep join(JoinRequest request, MatchIdGenerator matchIds) {
        if (request.deadline().hasPassed()) {
            return new JoinStep.TooLate();
        }
        Optional<IdempotencyRecord> earlier = records.of(request.idempotencyId());
        if (earlier.isPresent()) {
            if (!earlier.get().request().equals(request.asked())) {
                return new JoinStep.KeyReused(earlier.get().request());
            }
            Optional<Match> replayed = current(earlier.get().match());
            if (replayed.isPresent()) {
                return new JoinStep.Settled(new JoinResult.Replayed(replayed.get()));
            }
        }
        // a record whose match is gone is at the end of its retention: this join is a new one
        Optional<IdempotencyRecord.Id> recordAs = earlier.isPresent() ? Optional.empty() : request.idempotencyId();
        PlayerId player = request.player();
        WaitingPlayer place = places.of(player);
        if (place != null && !place.queue().equals(name)) {
            return new JoinStep.WaitingElsewhere(place.queue()); // that queue's unit answers it, and records its key
        }
        if (place != null) {
            Match waiting = waitingMatchOf(place);
            places.put(place.refreshedAt(now));
            records.record(recordAs, request.asked(), waiting, now);
            return new JoinStep.Settled(new JoinResult.AlreadyWaiting(waiting));
        }
        if (open == null) {
            open = Match.open(matchIds.next(), name, rules.matchSize(), now);
        }
        open = open.withPlayer(player, now);
        Match placed = open;
        saved.put(placed.id(), placed);
        places.put(new WaitingPlayer(player, name, placed.id(), now, now));
        events.add(new PlayerQueued(player, placed, now));
        records.record(recordAs, request.asked(), placed, now);
        if (placed.isReady()) {
            events.add(new MatchReady(placed, waitTimes(placed), now));
            placed.players().forEach(places::remove);
            open = null;
        }
        return new JoinStep.Settled(new JoinResult.Queued(placed));
    }

    /**
     * A join of another queue by a player who waits here: their match unchanged, their wait timer
     * started again. Empty when they no longer wait here (the join then runs in its own queue again).
     */
    Optional<JoinResult> refresh(JoinRequest request) {
        Optional<Match> replayed = records.replayed(request.idempotencyId(), request.asked(), unit);
        if (replayed.isPresent()) {
            return Optional.of(new JoinResult.Replayed(replayed.get()));
        }
        WaitingPlayer place = places.of(request.player());
        if (place == null || !place.queue().equals(name)) {
            return Optional.empty();
        }
        places.put(place.refreshedAt(now));
        Match waiting = waitingMatchOf(place);
        recordIfNew(request.idempotencyId(), request.asked(), waiting);
        return Optional.of(new JoinResult.AlreadyWaiting(waiting));
    }

    /** The player leaves their waiting match here; empty when they meanwhile wait in another queue. */
    Optional<LeaveResult> leave(LeaveRequest request) {
        PlayerId player = request.player();
        if (request.deadline().hasPassed()) {
            throw new DeadlineExceededException("the leave of " + player);
        }
        Optional<Match> replayed = records.replayed(request.idempotencyId(), LeaveRequest.ASKED, unit);
        if (replayed.isPresent()) {
            return Optional.of(new LeaveResult.Left(replayed.get()));
        }
        WaitingPlayer place = places.of(player);
        if (place == null) {
            return Optional.of(new LeaveResult.NotWaiting());
        }
        if (!place.queue().equals(name)) {
            return Optional.empty();
        }
        Match after = waitingMatchOf(place).withoutPlayers(List.of(player), now);
        replaceOpen(after);
        places.remove(player);
        events.add(new PlayerLeft(player, after, now));
        recordIfNew(request.idempotencyId(), LeaveRequest.ASKED, after);
        return Optional.of(new LeaveResult.Left(after));
    }

    /**
     * Housekeeping: players whose last join is older than the wait timeout leave, and a waiting match
     * empty for longer than the retention is deleted.
     */
    SweepReport expire() {
        if (open == null) {
            return new SweepReport(0, 0, 0);
        }
        if (open.players().isEmpty()) {
            if (!abandoned(open, rules, now)) {
                return new SweepReport(0, 0, 0);
            }
            deleted.add(open.id());
            open = null;
            return new SweepReport(0, 0, 1);
        }
        List<PlayerId> stale = stalePlayers();
        if (stale.isEmpty()) {
            return new SweepReport(0, 0, 0);
        }
        Match after = open.withoutPlayers(stale, now);
        replaceOpen(after);
        for (PlayerId player : stale) {
            places.remove(player);
            events.add(new PlayerExpired(player, after, now));
        }
        return new SweepReport(stale.size(), 0, 0);
    }

    /** What the unit commits, and answers once committed: {@code answer} and the events so far. */
    <R> UnitOfWork<Decision<R>> decided(R answer) {
        QueueChanges changes = new QueueChanges(List.copyOf(saved.values()), deleted,
                places.released(), places.claimed(), places.refreshed()).recording(records.written());
        return new UnitOfWork<>(changes, new Decision<>(answer, events));
    }

    /**
     * Whether {@link #expire} would change anything in a queue that looks like {@code stats}: the
     * sweep locks only those queues.
     */
    static boolean needsExpiry(QueueStats stats, MatchmakingRules rules, Instant now) {
        if (stats.places().isEmpty()) {
            return abandoned(stats.waitingMatch(), rules, now);
        }
        return stats.places().stream().anyMatch(place -> stale(place, rules, now));
    }

    private static boolean abandoned(Match empty, MatchmakingRules rules, Instant now) {
        return !empty.updatedAt().plus(rules.retention()).isAfter(now);
    }

    private static boolean stale(WaitingPlayer place, MatchmakingRules rules, Instant now) {
        return rules.expiresWaitingPlayers() && place.lastJoinAt().isBefore(now.minus(rules.waitTimeout()));
    }

    private List<PlayerId> stalePlayers() {
        List<PlayerId> stale = new ArrayList<>();
        for (PlayerId player : open.players()) {
            WaitingPlayer place = places.of(player);
            if (place != null && stale(place, rules, now)) {
                stale.add(player);
            }
        }
        return stale;
    }

    private void replaceOpen(Match after) {
        open = after;
        saved.put(after.id(), after);
    }

    /** The match of an earlier request, as it is now: changed by this unit, waiting here, or from the store. */
    private Optional<Match> current(MatchId id) {
        Match changed = saved.get(id);
        if (changed == null && open != null && open.id().equals(id)) {
            changed = open;
        }
        return changed != null ? Optional.of(changed) : unit.match(id);
    }

    private void recordIfNew(Optional<IdempotencyRecord.Id> id, String asked, Match match) {
        if (records.of(id).isEmpty()) {
            records.record(id, asked, match, now);
        }
    }

    /** The one waiting match a place of this queue can be in; anything else is a broken store. */
    private Match waitingMatchOf(WaitingPlayer place) {
        if (open == null || !open.id().equals(place.matchId())) {
            throw new IllegalStateException("store is inconsistent: " + place + " but waiting match is " + open);
        }
        return open;
    }

    private List<Duration> waitTimes(Match ready) {
        List<Duration> waits = new ArrayList<>(ready.size());
        for (PlayerId player : ready.players()) {
            WaitingPlayer place = places.of(player);
            waits.add(place == null ? Duration.ZERO : Duration.between(place.joinedAt(), now));
        }
        return waits;
    }
}
