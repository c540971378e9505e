package io.matchmaking.core;

import io.matchmaking.core.event.PlayerLeft;
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
 * Removes a player from the waiting match of the queue they were last seen in. Answers empty when
 * they meanwhile moved to another queue, so the caller can look again.
 */
final class LeaveWork implements QueueWork<Decision<Optional<LeaveResult>>> {

    private final QueueName queue;
    private final PlayerId player;
    private final LeaveRequest request;
    private final TimesOfRecord time;

    LeaveWork(QueueName queue, LeaveRequest request, TimesOfRecord time) {
        this.queue = queue;
        this.player = request.player();
        this.request = request;
        this.time = time;
    }

    @Override
    public UnitOfWork<Decision<Optional<LeaveResult>>> decide(QueueUnit unit) {
        if (request.deadline().hasPassed()) {
            throw new DeadlineExceededException("the leave of " + player);
        }
        UnitRecords records = UnitRecords.read(unit, request.idempotencyId().map(Set::of).orElse(Set.of()));
        Optional<Match> replayed = records.replayed(request.idempotencyId(), LeaveRequest.ASKED, unit);
        if (replayed.isPresent()) {
            return UnitOfWork.readOnly(Decision.quiet(Optional.of(new LeaveResult.Left(replayed.get()))));
        }
        WaitingPlayer place = unit.waitingPlayers(List.of(player)).get(player);
        if (place == null) {
            return UnitOfWork.readOnly(Decision.quiet(Optional.of(new LeaveResult.NotWaiting())));
        }
        if (!place.queue().equals(queue)) {
            return UnitOfWork.readOnly(Decision.quiet(Optional.empty()));
        }
        Instant now = time.of(unit);
        Match match = unit.waitingMatch()
                .filter(open -> open.id().equals(place.matchId()))
                .orElseThrow(() -> new IllegalStateException("store is inconsistent: no waiting match for " + place));
        Match after = match.withoutPlayers(List.of(player), now);
        if (records.of(request.idempotencyId()).isEmpty()) {
            records.record(request.idempotencyId(), LeaveRequest.ASKED, after, now);
        }
        QueueChanges changes = new QueueChanges(List.of(after), List.of(), List.of(player), List.of(), List.of())
                .recording(records.written());
        return new UnitOfWork<>(changes, new Decision<>(
                Optional.of(new LeaveResult.Left(after)), List.of(new PlayerLeft(player, after, now))));
    }
}
