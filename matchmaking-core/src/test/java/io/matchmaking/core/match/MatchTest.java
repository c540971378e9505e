package io.matchmaking.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchTest {

    private static final Instant T0 = Instant.ofEpochSecond(1_000);
    private static final Instant T1 = T0.plusSeconds(1);

    private static Match open(int size) {
        return Match.open(MatchId.of("m1"), QueueName.DEFAULT, size, T0);
    }

    @Test
    void anOpenMatchIsAnEmptyUnstoredWaitingMatch() {
        Match match = open(3);
        assertThat(match.players()).isEmpty();
        assertThat(match.status()).isEqualTo(MatchStatus.WAITING);
        assertThat(match.version()).isZero();
        assertThat(match.readyAt()).isNull();
    }

    @Test
    void aChangeStampedEarlierThanTheLastKeepsTheLastTimeSoTimesNeverGoBackwards() {
        Match joined = open(2).withPlayer(PlayerId.of("p1"), T1);

        Match ready = joined.withPlayer(PlayerId.of("p2"), T0);
        Match left = joined.withoutPlayers(List.of(PlayerId.of("p1")), T0);

        assertThat(ready.updatedAt()).isEqualTo(T1);
        assertThat(ready.readyAt()).isEqualTo(T1);
        assertThat(left.updatedAt()).isEqualTo(T1);
    }

    @Test
    void addingAPlayerReturnsTheNextVersionAndLeavesTheOriginalAlone() {
        Match before = open(3);
        Match after = before.withPlayer(PlayerId.of("p1"), T1);

        assertThat(before.players()).isEmpty();
        assertThat(after.players()).containsExactly(PlayerId.of("p1"));
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.updatedAt()).isEqualTo(T1);
    }

    @Test
    void theJoinThatFillsTheMatchMakesItReady() {
        Match full = open(2).withPlayer(PlayerId.of("a"), T0).withPlayer(PlayerId.of("b"), T1);
        assertThat(full.isReady()).isTrue();
        assertThat(full.readyAt()).isEqualTo(T1);
    }

    @Test
    void aReadyMatchNeverChangesAgain() {
        Match full = open(2).withPlayer(PlayerId.of("a"), T0).withPlayer(PlayerId.of("b"), T1);
        assertThatThrownBy(() -> full.withPlayer(PlayerId.of("c"), T1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> full.withoutPlayers(List.of(PlayerId.of("a")), T1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPlayerHoldsOnePlace() {
        Match one = open(3).withPlayer(PlayerId.of("a"), T0);
        assertThatThrownBy(() -> one.withPlayer(PlayerId.of("a"), T1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void removingPlayersIsOneChangeThatKeepsTheOrder() {
        Match three = open(4).withPlayer(PlayerId.of("a"), T0).withPlayer(PlayerId.of("b"), T0)
                .withPlayer(PlayerId.of("c"), T0);
        Match after = three.withoutPlayers(List.of(PlayerId.of("a"), PlayerId.of("c")), T1);
        assertThat(after.players()).containsExactly(PlayerId.of("b"));
        assertThat(after.version()).isEqualTo(three.version() + 1);
    }

    @Test
    void theConstructorRejectsEveryInvalidState() {
        List<PlayerId> two = List.of(PlayerId.of("a"), PlayerId.of("b"));
        assertThatThrownBy(() -> new Match(MatchId.of("m"), QueueName.DEFAULT, 2, MatchStatus.WAITING, two, T0, null, 1))
                .hasMessageContaining("ready exactly when it is full");
        assertThatThrownBy(() -> new Match(MatchId.of("m"), QueueName.DEFAULT, 2, MatchStatus.READY, two, T0, null, 1))
                .hasMessageContaining("readyAt");
        assertThatThrownBy(() -> new Match(MatchId.of("m"), QueueName.DEFAULT, 3, MatchStatus.WAITING,
                List.of(PlayerId.of("a"), PlayerId.of("a")), T0, null, 1)).hasMessageContaining("each player once");
        assertThatThrownBy(() -> open(1)).hasMessage("match size must be between 2 and 100");
        assertThatThrownBy(() -> open(101)).hasMessage("match size must be between 2 and 100");
        assertThat(open(2).size()).isEqualTo(2);
        assertThat(open(100).size()).isEqualTo(100);
    }

    @Test
    void playersAreCopiedSoTheMatchStaysImmutable() {
        List<PlayerId> players = new ArrayList<>(List.of(PlayerId.of("a")));
        Match match = new Match(MatchId.of("m"), QueueName.DEFAULT, 3, MatchStatus.WAITING, players, T0, null, 1);
        players.add(PlayerId.of("b"));
        assertThat(match.players()).containsExactly(PlayerId.of("a"));
        assertThatThrownBy(() -> match.players().add(PlayerId.of("c"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
