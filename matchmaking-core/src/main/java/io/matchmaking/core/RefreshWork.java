package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.QueueUnit;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.UnitOfWork;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A join of a player who waits in another queue: run under that queue's lock, it answers their
 * match unchanged and restarts their wait timer. Empty when they no longer wait there.
 */
final class RefreshWork implements QueueWork<Decision<Optional<JoinResult>>> {

    private final QueueName queue;
    private final JoinRequest request;
    private final TimesOfRecord time;

    RefreshWork(QueueName queue, JoinRequest request, TimesOfRecord time) {
        this.queue = queue;
        this.request = request;
        this.time = time;
    }

    @Override
    public UnitOfWork<Decision<Optional<JoinResult>>> decide(QueueUnit unit) {
        PlayerId player = request.player();
        UnitRecords records = UnitRecords.read(unit, request.idempotencyId().map(Set::of).orElse(Set.of()));
        Optional<Match> replayed = records.replayed(request.idempotencyId(), request.asked(), unit);
        if (replayed.isPresent()) {
            return UnitOfWork.readOnly(Decision.quiet(Optional.of(new JoinResult.Replayed(replayed.get()))));
        }
        WaitingPlayer place = unit.waitingPlayers(List.of(player)).get(player);
        if (place == null || !place.queue().equals(queue)) {
            return UnitOfWork.readOnly(Decision.quiet(Optional.empty()));
        }
        Instant now = time.of(unit);
        Match open = unit.waitingMatch()
                .filter(waiting -> waiting.id().equals(place.matchId()))
                .orElseThrow(() -> new IllegalStateException("store is inconsistent: no waiting match for " + place));
        if (records.of(request.idempotencyId()).isEmpty()) {
            records.record(request.idempotencyId(), request.asked(), open, now);
        }
        QueueChanges changes = new QueueChanges(List.of(), List.of(), List.of(), List.of(),
                List.of(place.refreshedAt(now))).recording(records.written());
        return new UnitOfWork<>(changes, Decision.quiet(Optional.of(new JoinResult.AlreadyWaiting(open))));
    }
}
