package io.matchmaking.core;

import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.QueueChanges;
import io.matchmaking.core.store.QueueUnit;
import io.matchmaking.core.store.QueueWork;
import io.matchmaking.core.store.UnitOfWork;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Housekeeping of one queue: removes waiting players whose last join is older than the wait
 * timeout, and deletes the waiting match once it has stayed empty for longer than the retention.
 * Answers how many players expired and how many matches were deleted.
 */
final class SweepWork implements QueueWork<Decision<SweepReport>> {

    private final QueueName queue;
    private final MatchmakingRules rules;
    private final TimesOfRecord time;

    SweepWork(QueueName queue, MatchmakingRules rules, TimesOfRecord time) {
        this.queue = queue;
        this.rules = rules;
        this.time = time;
    }

    @Override
    public UnitOfWork<Decision<SweepReport>> decide(QueueUnit unit) {
        Match open = unit.waitingMatch().orElse(null);
        if (open == null) {
            return UnitOfWork.readOnly(Decision.quiet(new SweepReport(0, 0, 0)));
        }
        Instant now = time.of(unit);
        if (open.players().isEmpty()) {
            return deleteIfAbandoned(open, now);
        }
        List<PlayerId> stale = stalePlayers(open, unit.waitingPlayers(open.players()), now);
        if (stale.isEmpty()) {
            return UnitOfWork.readOnly(Decision.quiet(new SweepReport(0, 0, 0)));
        }
        Match after = open.withoutPlayers(stale, now);
        List<MatchmakingEvent> events = stale.stream()
                .<MatchmakingEvent>map(player -> new PlayerExpired(player, after, now))
                .toList();
        QueueChanges changes = new QueueChanges(List.of(after), List.of(), stale, List.of(), List.of());
        return new UnitOfWork<>(changes, new Decision<>(new SweepReport(stale.size(), 0, 0), events));
    }

    private UnitOfWork<Decision<SweepReport>> deleteIfAbandoned(Match empty, Instant now) {
        if (empty.updatedAt().plus(rules.retention()).isAfter(now)) {
            return UnitOfWork.readOnly(Decision.quiet(new SweepReport(0, 0, 0)));
        }
        List<MatchId> deleted = List.of(empty.id());
        QueueChanges changes = new QueueChanges(List.of(), deleted, List.of(), List.of(), List.of());
        return new UnitOfWork<>(changes, Decision.quiet(new SweepReport(0, 0, 1)));
    }

    private List<PlayerId> stalePlayers(Match open, Map<PlayerId, WaitingPlayer> places, Instant now) {
        if (!rules.expiresWaitingPlayers()) {
            return List.of();
        }
        Instant cutoff = now.minus(rules.waitTimeout());
        return open.players().stream()
                .filter(player -> {
                    WaitingPlayer place = places.get(player);
                    return place != null && place.lastJoinAt().isBefore(cutoff);
                })
                .toList();
    }
}
