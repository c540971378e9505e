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
import io.matchmaking.core.store.QueueReads;
import io.matchmaking.core.store.WorkResult;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One queue's rules, in one place: the aggregate one unit of work reads under the queue's lock,
 * changes through {@link #join}, {@link #refresh}, {@link #leave} and {@link #expire}, and turns
 * into the net changes a store commits and the events published after the commit.
 *
 * <p>A join places a ticket (a solo player, or a party) as one: first fit in arrival order, into
 * the oldest waiting match with enough free seats, else a new one; the join that fills a match
 * makes it ready in the same unit. With solo joins only there is one waiting match, the seed's
 * first come first served. A player waits in one place across all queues; a ticket leaves and
 * expires whole. A request whose key was served answers that request's match as it is now.
 * Lives for one attempt at a unit: the core may run a unit again, so nothing here has an effect of its own.
 */
final class Queue {

    private final QueueName name;
    private final MatchmakingRules rules;
    private final Instant now;
    private final QueueReads unit;
    private final WaitingPlaces places;
    private final UnitRecords records;
    private final WaitingMatches waiting;
    private final WaitTimers timers;
    private final List<MatchmakingEvent> events = new ArrayList<>();

    private Queue(QueueName name, MatchmakingRules rules, Instant now, QueueReads unit, List<Match> waiting,
            WaitingPlaces places, UnitRecords records) {
        this.name = name;
        this.rules = rules;
        this.now = now;
        this.unit = unit;
        this.waiting = new WaitingMatches(waiting);
        this.timers = new WaitTimers(rules, now);
        this.places = places;
        this.records = records;
    }

    /**
     * The queue as {@code unit} reads it: its waiting matches, the places of their players and of
     * {@code players} (wherever they wait), and the idempotency records of {@code keys}.
     */
    static Queue read(QueueReads unit, QueueName name, MatchmakingRules rules, Instant now,
            Collection<PlayerId> players, Set<IdempotencyRecord.Id> keys) {
        List<Match> waiting = unit.waitingMatches();
        Set<PlayerId> lookup = new LinkedHashSet<>(players);
        for (Match match : waiting) {
            lookup.addAll(match.players());
        }
        return new Queue(name, rules, now, unit, waiting, new WaitingPlaces(name, unit.waitingPlayers(lookup)),
                UnitRecords.read(unit, keys));
    }

    /** A join of this queue; {@code matchIds} names a match this join opens. */
    JoinStep join(JoinRequest request, MatchIdGenerator matchIds) {
        if (request.deadline().hasPassed()) {
            return new JoinStep.Refused(new DeadlineExceededException("the join of " + request.player()));
        }
        Optional<IdempotencyRecord> earlier = records.of(request.idempotencyId());
        if (earlier.isPresent()) {
            if (!earlier.get().request().equals(request.asked())) {
                return new JoinStep.Refused(new IdempotencyKeyReusedException(earlier.get().request()));
            }
            Optional<Match> replayed = current(earlier.get().match());
            if (replayed.isPresent()) {
                return new JoinStep.Settled(new JoinResult.Replayed(replayed.get()));
            }
        }
        // a record whose match is gone is at the end of its retention: this join is a new one
        Optional<IdempotencyRecord.Id> recordAs = earlier.isPresent() ? Optional.empty() : request.idempotencyId();
        List<PlayerId> ticket = request.players();
        if (ticket.size() > rules.matchSize()) {
            return new JoinStep.Refused(new PartyTooLargeException(ticket.size(), rules.matchSize()));
        }
        WaitingPlayer place = places.of(request.player());
        if (place != null && place.queue().equals(name)) {
            return rejoin(request, place, recordAs);
        }
        if (place != null && place.ticket().equals(request.player())) {
            return new JoinStep.WaitingElsewhere(place.queue()); // that queue's unit answers it, and records its key
        }
        for (PlayerId member : ticket) {
            if (places.of(member) != null) {
                return new JoinStep.Refused(new PartyMemberWaitingException(member));
            }
        }
        Match placed = place(request, matchIds);
        records.record(recordAs, request.asked(), placed, now);
        return new JoinStep.Settled(new JoinResult.Queued(placed));
    }

    /**
     * A join of another queue by a player who waits here: their match unchanged, their ticket's wait
     * timer started again. Empty when they no longer wait here (the join then runs in its own queue again).
     */
    Optional<JoinStep> refresh(JoinRequest request) {
        Optional<Match> replayed = records.replayed(request.idempotencyId(), request.asked(), unit);
        if (replayed.isPresent()) {
            return Optional.of(new JoinStep.Settled(new JoinResult.Replayed(replayed.get())));
        }
        WaitingPlayer place = places.of(request.player());
        if (place == null || !place.queue().equals(name)) {
            return Optional.empty();
        }
        Optional<IdempotencyRecord.Id> recordAs = records.of(request.idempotencyId()).isPresent()
                ? Optional.empty() : request.idempotencyId();
        return Optional.of(rejoin(request, place, recordAs));
    }

    /** The player leaves their waiting match here, with their whole ticket; empty when they meanwhile wait in another queue. */
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
        Match match = waiting.of(place);
        List<PlayerId> gone = places.ticketOf(place, match);
        Match after = remove(match, gone);
        gone.forEach(member -> events.add(new PlayerLeft(member, after, now)));
        if (records.of(request.idempotencyId()).isEmpty()) {
            records.record(request.idempotencyId(), LeaveRequest.ASKED, after, now);
        }
        return Optional.of(new LeaveResult.Left(after));
    }

    /**
     * Housekeeping: tickets whose last join is older than the wait timeout leave, and waiting
     * matches empty for longer than the retention are deleted.
     */
    SweepReport expire() {
        int expired = 0;
        int deletedEmpty = 0;
        for (Match match : waiting.all()) {
            if (timers.abandoned(match)) {
                waiting.delete(match);
                deletedEmpty++;
                continue;
            }
            Set<PlayerId> stale = new LinkedHashSet<>();
            for (PlayerId player : match.players()) {
                WaitingPlayer place = places.of(player);
                if (place != null && timers.stale(place)) {
                    stale.addAll(places.ticketOf(place, match));
                }
            }
            if (!stale.isEmpty()) {
                Match after = remove(match, List.copyOf(stale));
                stale.forEach(player -> events.add(new PlayerExpired(player, after, now)));
                expired += stale.size();
            }
        }
        return new SweepReport(expired, 0, deletedEmpty);
    }

    /** What the unit commits, and answers once committed: {@code answer} and the events so far. */
    <R> WorkResult<Decision<R>> decided(R answer) {
        QueueChanges changes = new QueueChanges(waiting.saved(), waiting.deleted(),
                places.released(), places.claimed(), places.refreshed()).recording(records.written());
        return new WorkResult<>(changes, new Decision<>(answer, events));
    }

    /** A ticket that waits here joins again: answered with its match if it is exactly this request's ticket. */
    private JoinStep rejoin(JoinRequest request, WaitingPlayer place, Optional<IdempotencyRecord.Id> recordAs) {
        Match match = waiting.of(place);
        List<PlayerId> ticket = places.ticketOf(place, match);
        if (!place.ticket().equals(request.player()) || !new HashSet<>(ticket).equals(new HashSet<>(request.players()))) {
            return new JoinStep.Refused(new PartyMemberWaitingException(request.player()));
        }
        ticket.forEach(member -> places.put(places.of(member).refreshedAt(now)));
        records.record(recordAs, request.asked(), match, now);
        return new JoinStep.Settled(new JoinResult.AlreadyWaiting(match));
    }

    /** Seats the request's ticket by first fit; the match that holds it, ready if it filled it. */
    private Match place(JoinRequest request, MatchIdGenerator matchIds) {
        List<PlayerId> ticket = request.players();
        Match target = waiting.firstFit(ticket.size()).orElseGet(() -> {
            Match opened = Match.open(matchIds.next(), name, rules.matchSize(), now);
            waiting.opened(opened);
            return opened;
        });
        Match placed = target.withPlayers(ticket, now);
        for (PlayerId player : ticket) {
            places.put(new WaitingPlayer(player, name, placed.id(), now, now, request.player()));
            events.add(new PlayerQueued(player, placed, now));
        }
        if (placed.isReady()) {
            events.add(new MatchReady(placed, places.waitsUntil(placed, now), now));
            placed.players().forEach(places::remove);
        }
        waiting.changed(placed);
        return placed;
    }

    private Match remove(Match match, List<PlayerId> gone) {
        Match after = match.withoutPlayers(gone, now);
        gone.forEach(places::remove);
        waiting.changed(after);
        return after;
    }

    /** The match of an earlier request, as it is now: changed by this unit, waiting here, or from the store. */
    private Optional<Match> current(MatchId id) {
        Optional<Match> known = waiting.known(id);
        return known.isPresent() ? known : unit.match(id);
    }
}
