package io.matchmaking.store.memory;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueReads;
import io.matchmaking.core.store.WaitingPlayer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads of one unit, straight from the live maps: the queue's lock keeps its own part still. */
final class MemoryQueueReads implements QueueReads {

    private final QueueName queue;
    private final MemoryState state;

    MemoryQueueReads(QueueName queue, MemoryState state) {
        this.queue = queue;
        this.state = state;
    }

    @Override
    public List<Match> waitingMatches() {
        return state.waitingByQueue.getOrDefault(queue, List.of());
    }

    @Override
    public Map<PlayerId, WaitingPlayer> waitingPlayers(Collection<PlayerId> players) {
        return state.waitingPlaces(players);
    }

    @Override
    public Map<IdempotencyRecord.Id, IdempotencyRecord> idempotencyRecords(Collection<IdempotencyRecord.Id> ids) {
        Map<IdempotencyRecord.Id, IdempotencyRecord> found = new HashMap<>();
        for (IdempotencyRecord.Id id : ids) {
            IdempotencyRecord record = state.records.get(id);
            if (record != null) {
                found.put(id, record);
            }
        }
        return found;
    }

    @Override
    public Optional<Match> match(MatchId id) {
        return Optional.ofNullable(state.matches.get(id));
    }
}
