package io.matchmaking.core;

import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The join use case: one unit per queue places its joins in their order, then each join whose
 * player waits in another queue follows them there, on its own retry budget.
 */
final class Joins {

    private final QueueSteps units;
    private final MatchIdGenerator matchIds;
    private final OpenQueues openQueues;

    Joins(QueueSteps units, MatchIdGenerator matchIds, OpenQueues openQueues) {
        this.units = units;
        this.matchIds = matchIds;
        this.openQueues = openQueues;
    }

    /** One join, on one budget from its first unit to its last redirect. */
    JoinResult join(JoinRequest request) {
        Attempts attempts = units.attemptsOf("the join of " + request.player());
        return settle(request, joinOne(request, attempts), attempts);
    }

    /** Each join's outcome, in order: a failure fails only the joins it concerns. */
    List<JoinAttempt> joinEach(List<JoinRequest> requests) {
        Map<QueueName, List<Integer>> byQueue = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byQueue.computeIfAbsent(requests.get(i).queue(), queue -> new ArrayList<>()).add(i);
        }
        JoinAttempt[] attempts = new JoinAttempt[requests.size()];
        byQueue.forEach((queue, indexes) -> {
            List<JoinRequest> ofQueue = indexes.stream().map(requests::get).toList();
            List<JoinStep> steps;
            try {
                steps = joinUnit(queue, ofQueue, units.attemptsOf("the joins of queue " + queue));
            } catch (RuntimeException unitFailed) {
                indexes.forEach(index -> attempts[index] = JoinAttempt.failed(unitFailed));
                return;
            }
            for (int k = 0; k < indexes.size(); k++) {
                JoinRequest request = requests.get(indexes.get(k));
                try {
                    Attempts redirects = units.attemptsOf("the join of " + request.player());
                    attempts[indexes.get(k)] = JoinAttempt.succeeded(settle(request, steps.get(k), redirects));
                } catch (RuntimeException redirectFailed) {
                    attempts[indexes.get(k)] = JoinAttempt.failed(redirectFailed);
                }
            }
        });
        return List.of(attempts);
    }

    private JoinStep joinOne(JoinRequest request, Attempts attempts) {
        return joinUnit(request.queue(), List.of(request), attempts).get(0);
    }

    /** One unit of {@code queue} that places {@code requests} in their order. */
    private List<JoinStep> joinUnit(QueueName queue, List<JoinRequest> requests, Attempts attempts) {
        openQueues.admit(queue);
        List<PlayerId> players = new ArrayList<>(requests.size());
        Set<IdempotencyRecord.Id> keys = new LinkedHashSet<>();
        for (JoinRequest request : requests) {
            players.addAll(request.players());
            request.idempotencyId().ifPresent(keys::add);
        }
        return units.run(queue, players, keys, attempts, state -> {
            List<JoinStep> steps = new ArrayList<>(requests.size());
            for (JoinRequest request : requests) {
                steps.add(state.join(request, matchIds));
            }
            return steps;
        });
    }

    /** Follows a join whose player waits in another queue until it settles, on {@code attempts}. */
    private JoinResult settle(JoinRequest request, JoinStep step, Attempts attempts) {
        while (true) {
            if (step instanceof JoinStep.Settled settled) {
                return settled.result();
            }
            if (step instanceof JoinStep.Refused refused) {
                throw refused.failure();
            }
            QueueName elsewhere = ((JoinStep.WaitingElsewhere) step).queue();
            Optional<JoinStep> refreshed = units.run(elsewhere, request.players(),
                    request.idempotencyId().map(Set::of).orElse(Set.of()), attempts, state -> state.refresh(request));
            step = refreshed.isPresent() ? refreshed.get() : joinOne(request, attempts);
        }
    }
}
