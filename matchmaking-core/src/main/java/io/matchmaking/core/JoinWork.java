package io.matchmaking.core;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.PlayerQueued;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.QueueUnit;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.UnitOfWork;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The FIFO fill of one queue for a batch of joins, in the batch's order: each new player takes
 * the next place in the queue's single waiting match (opening one if there is none), the join
 * that fills it makes it ready, and a player who already waits keeps their place. A join whose
 * deadline has passed when the unit starts (its queue's lock held) changes nothing.
 */
final class JoinWork implements QueueWork<Decision<List<JoinStep>>> {

    private final QueueName queue;
    private final List<JoinRequest> requests;
    private final int matchSize;
    private final TimesOfRecord time;
    private final MatchIdGenerator matchIds;

    /** {@code requests} all join {@code queue}. */
    JoinWork(QueueName queue, List<JoinRequest> requests, int matchSize, TimesOfRecord time, MatchIdGenerator matchIds) {
        this.queue = queue;
        this.requests = List.copyOf(requests);
        this.matchSize = matchSize;
        this.time = time;
        this.matchIds = matchIds;
    }

    @Override
    public UnitOfWork<Decision<List<JoinStep>>> decide(QueueUnit unit) {
        Instant now = time.of(unit);
        Match open = unit.waitingMatch().orElse(null);
        Set<PlayerId> lookup = new LinkedHashSet<>();
        requests.forEach(request -> lookup.add(request.player()));
        if (open != null) {
            lookup.addAll(open.players());
        }
        Map<PlayerId, WaitingPlayer> before = unit.waitingPlayers(lookup);
        Map<PlayerId, WaitingPlayer> places = new HashMap<>(before);
        Map<MatchId, Match> touched = new LinkedHashMap<>();
        List<MatchmakingEvent> events = new ArrayList<>();
        List<JoinStep> steps = new ArrayList<>(requests.size());
        Set<IdempotencyRecord.Id> keyed = new LinkedHashSet<>();
        requests.forEach(request -> request.idempotencyId().ifPresent(keyed::add));
        UnitRecords records = UnitRecords.read(unit, keyed);

        for (JoinRequest request : requests) {
            if (request.deadline().hasPassed()) {
                steps.add(new JoinStep.TooLate());
                continue;
            }
            Optional<IdempotencyRecord> earlier = records.of(request.idempotencyId());
            Match openNow = open;
            Optional<JoinStep> replayed = earlier.flatMap(record -> replay(request, record, touched, openNow, unit));
            if (replayed.isPresent()) {
                steps.add(replayed.get());
                continue;
            }
            // a record whose match is gone is at the end of its retention: this join is a new one
            Optional<IdempotencyRecord.Id> recordAs = earlier.isPresent() ? Optional.empty() : request.idempotencyId();
            PlayerId player = request.player();
            WaitingPlayer place = places.get(player);
            if (place != null && !place.queue().equals(queue)) {
                // that queue's unit answers it, and records its key
                steps.add(new JoinStep.WaitingElsewhere(place.queue()));
                continue;
            }
            if (place != null) {
                places.put(player, place.refreshedAt(now));
                Match waiting = requireOpen(open, place);
                records.record(recordAs, request.asked(), waiting, now);
                steps.add(new JoinStep.Settled(new JoinResult.AlreadyWaiting(waiting)));
                continue;
            }
            if (open == null) {
                open = Match.open(matchIds.next(), queue, matchSize, now);
            }
            open = open.withPlayer(player, now);
            touched.put(open.id(), open);
            places.put(player, new WaitingPlayer(player, queue, open.id(), now, now));
            events.add(new PlayerQueued(player, open, now));
            records.record(recordAs, request.asked(), open, now);
            steps.add(new JoinStep.Settled(new JoinResult.Queued(open)));
            if (open.isReady()) {
                events.add(new MatchReady(open, waitTimes(open, places, now), now));
                open.players().forEach(places::remove);
                open = null;
            }
        }
        QueueChanges changes = new QueueChanges(
                List.copyOf(touched.values()), List.of(),
                PlaceChanges.released(queue, before, places),
                PlaceChanges.claimed(queue, before, places),
                PlaceChanges.refreshed(queue, before, places)).recording(records.written());
        return new UnitOfWork<>(changes, new Decision<>(steps, events));
    }

    /**
     * A join whose key was served before: the earlier join's match as it is now (changed by this
     * unit, waiting, or from the store), or refused if the key was for another request. Empty when
     * that match is gone (purged with the retention that is about to take the record too).
     */
    private static Optional<JoinStep> replay(JoinRequest request, IdempotencyRecord earlier, Map<MatchId, Match> touched,
            Match open, QueueUnit unit) {
        if (!earlier.request().equals(request.asked())) {
            return Optional.of(new JoinStep.KeyReused(earlier.request()));
        }
        Match now = touched.get(earlier.match());
        if (now == null && open != null && open.id().equals(earlier.match())) {
            now = open;
        }
        Optional<Match> current = now != null ? Optional.of(now) : unit.match(earlier.match());
        return current.map(match -> new JoinStep.Settled(new JoinResult.Replayed(match)));
    }

    private Match requireOpen(Match open, WaitingPlayer place) {
        if (open == null || !open.id().equals(place.matchId())) {
            throw new IllegalStateException("store is inconsistent: " + place + " but waiting match is " + open);
        }
        return open;
    }

    private static List<Duration> waitTimes(Match ready, Map<PlayerId, WaitingPlayer> places, Instant now) {
        return ready.players().stream()
                .map(places::get)
                .map(place -> place == null ? Duration.ZERO : Duration.between(place.joinedAt(), now))
                .toList();
    }
}
