package io.matchmaking.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run as it is written there. */
class EmbeddingExampleTest {

    @Test
    void theReadmeExampleWorks() {
        // --- README: Embedding ---
        Matchmaker matchmaker = Matchmaker.builder(new InMemoryMatchRepository())
                .rules(MatchmakingRules.ofSize(4))
                .build();
        JoinResult result = matchmaker.join(PlayerId.of("p1"));
        Match match = result.match();            // waiting, players [p1]
        matchmaker.sweep();                      // call periodically: expiry and retention
        // --- end ---

        assertThat(match.players()).containsExactly(PlayerId.of("p1"));
        assertThat(match.size()).isEqualTo(4);
        assertThat(matchmaker.findMatch(match.id())).contains(match);
    }
}
