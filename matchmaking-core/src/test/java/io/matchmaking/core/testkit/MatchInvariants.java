package io.matchmaking.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the model's invariants over the final state of every match a set of joins answered:
 * each player in exactly one match, ready matches exactly full, at most one waiting match per
 * queue, and every answer naming the match that holds its player.
 */
public final class MatchInvariants {

    private MatchInvariants() {
    }

    /**
     * @param answers the join answers, by the distinct player who asked (each joined once)
     * @return the final state of every match involved, by id
     */
    public static Map<MatchId, Match> check(Matchmaker matchmaker, Map<PlayerId, JoinResult> answers, int matchSize) {
        Map<MatchId, Match> finals = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (JoinResult answer : answers.values()) {
            MatchId id = answer.match().id();
            finals.computeIfAbsent(id, key -> matchmaker.findMatch(key).orElseThrow(
                    () -> new AssertionError("answered match " + key + " is not stored")));
        }
        Map<PlayerId, Integer> seats = new HashMap<>();
        finals.values().forEach(match -> match.players().forEach(p -> seats.merge(p, 1, Integer::sum)));
        assertThat(seats.keySet()).as("every player who joined holds a seat").containsAll(answers.keySet());
        assertThat(seats.values()).as("no player holds two seats").allMatch(count -> count == 1);

        for (Map.Entry<PlayerId, JoinResult> answer : answers.entrySet()) {
            Match holding = finals.get(answer.getValue().match().id());
            assertThat(holding.players()).as("the answer to %s names the match that holds them", answer.getKey())
                    .contains(answer.getKey());
        }
        assertEveryReadyMatchIsFull(finals.values(), matchSize);
        assertAtMostOneWaitingMatchPerQueue(finals.values());
        return finals;
    }

    /** Ready matches hold exactly {@code matchSize} players. */
    public static void assertEveryReadyMatchIsFull(Collection<Match> matches, int matchSize) {
        assertThat(matches).filteredOn(Match::isReady)
                .as("ready matches are exactly full")
                .allMatch(match -> match.players().size() == matchSize && match.readyAt() != null);
    }

    /** No queue has two waiting matches. */
    public static void assertAtMostOneWaitingMatchPerQueue(Collection<Match> matches) {
        Map<QueueName, List<MatchId>> waiting = new HashMap<>();
        matches.stream().filter(match -> !match.isReady())
                .forEach(match -> waiting.computeIfAbsent(match.queue(), q -> new ArrayList<>()).add(match.id()));
        assertThat(waiting.values()).as("at most one waiting match per queue").allMatch(ids -> ids.size() <= 1);
    }
}
