package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.testkit.Concurrently;
import io.matchmaking.core.testkit.MatchInvariants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances (two repositories, two pools) on one database, 8 threads each: every invariant holds. */
class TwoInstancesTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final MySqlMatchRepository first = MySqlMatchRepository.open(database.settings(8));
    private final MySqlMatchRepository second = MySqlMatchRepository.open(database.settings(8));

    @AfterEach
    void cleanUp() {
        first.close();
        second.close();
        database.close();
    }

    @Test
    void threeThousandJoinsThroughTwoInstancesKeepEveryInvariant() throws Exception {
        List<Matchmaker> instances = List.of(Matchmaker.builder(first).build(), Matchmaker.builder(second).build());
        int perThread = 188;
        List<Map<PlayerId, JoinResult>> byThread = Concurrently.run(16, t -> {
            Matchmaker instance = instances.get(t % 2);
            Map<PlayerId, JoinResult> answers = new HashMap<>();
            for (int i = 0; i < perThread; i++) {
                PlayerId player = PlayerId.of("i" + (t % 2) + "-t" + t + "-" + i);
                answers.put(player, instance.join(player));
            }
            return answers;
        });

        Map<PlayerId, JoinResult> all = new HashMap<>();
        byThread.forEach(all::putAll);
        assertThat(all).hasSizeGreaterThanOrEqualTo(3_000);
        Map<MatchId, Match> finals = MatchInvariants.check(instances.get(0), all, 3);
        assertThat(finals.values().stream().filter(match -> !match.isReady()).count()).isLessThanOrEqualTo(1);
        assertThat(finals.values()).filteredOn(Match::isReady).hasSize(all.size() / 3);
    }
}
