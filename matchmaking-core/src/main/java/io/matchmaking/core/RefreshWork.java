package io.matchmaking.core;

import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.QueueUnit;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.UnitOfWork;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A join of a player who waits in another queue: run under that queue's lock, it answers their
 * match unchanged and restarts their wait timer. Empty when they no longer wait there.
 */
final class RefreshWork implements QueueWork<Decision<Optional<JoinResult>>> {

    private final QueueName queue;
    private final PlayerId player;
    private final Clock clock;

    RefreshWork(QueueName queue, PlayerId player, Clock clock) {
        this.queue = queue;
        this.player = player;
        this.clock = clock;
    }

    @Override
    public UnitOfWork<Decision<Optional<JoinResult>>> decide(QueueUnit unit) {
        WaitingPlayer place = unit.waitingPlayers(List.of(player)).get(player);
        if (place == null || !place.queue().equals(queue)) {
            return UnitOfWork.readOnly(Decision.quiet(Optional.empty()));
        }
        return unit.waitingMatch()
                .filter(open -> open.id().equals(place.matchId()))
                .map(open -> new UnitOfWork<>(
                        new QueueChanges(List.of(), List.of(), List.of(), List.of(),
                                List.of(place.refreshedAt(Timestamps.now(clock)))),
                        Decision.<Optional<JoinResult>>quiet(Optional.of(new JoinResult.AlreadyWaiting(open)))))
                .orElseThrow(() -> new IllegalStateException("store is inconsistent: no waiting match for " + place));
    }
}
