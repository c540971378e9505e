package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.PartyMemberWaitingException;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.WaitingPlayer;
import io.matchmaking.core.testkit.Concurrently;
import io.matchmaking.core.testkit.MatchInvariants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances (two repositories, two pools) on one database, many threads: every invariant holds. */
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

    @Test
    void partiesSoloJoinsAndLeavesThroughTwoInstancesNeverSplitAPartyNorPlaceAPlayerTwice() throws Exception {
        MatchmakingRules fours = MatchmakingRules.ofSize(4);
        List<Matchmaker> instances = List.of(Matchmaker.builder(first).rules(fours).build(),
                Matchmaker.builder(second).rules(fours).build());
        List<List<JoinResult>> byThread = Concurrently.run(8, t -> {
            Matchmaker instance = instances.get(t % 2);
            Random random = new Random(t);
            List<JoinResult> placed = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                PlayerId submitter = PlayerId.of("p" + random.nextInt(40));
                if (random.nextInt(5) == 0) {
                    instance.leave(submitter);
                    continue;
                }
                List<PlayerId> members = new ArrayList<>();
                for (int m = random.nextInt(3); m > 0; m--) {
                    members.add(PlayerId.of("p" + random.nextInt(40)));
                }
                JoinRequest request = new JoinRequest(submitter, QueueName.of("q" + random.nextInt(3))).withParty(members);
                try {
                    JoinResult result = instance.join(request);
                    assertThat(result.match().players()).as("the whole ticket is in its answer").containsAll(request.players());
                    placed.add(result);
                } catch (PartyMemberWaitingException refused) {
                    // a member waits already: allowed, and nothing changed
                }
            }
            return placed;
        });

        Map<PlayerId, MatchId> waitingIn = new HashMap<>();
        for (QueueStats queue : first.queues()) {
            for (Match match : queue.waitingMatches()) {
                assertThat(match.players().size()).isLessThan(4);
                for (PlayerId player : match.players()) {
                    assertThat(waitingIn.put(player, match.id())).as("%s waits twice", player).isNull();
                }
            }
            Map<PlayerId, List<WaitingPlayer>> tickets = new HashMap<>();
            queue.places().forEach(place -> tickets.computeIfAbsent(place.ticket(), k -> new ArrayList<>()).add(place));
            tickets.values().forEach(ticket -> assertThat(ticket).extracting(WaitingPlayer::matchId)
                    .as("a party waits in one match").containsOnly(ticket.get(0).matchId()));
        }
        assertThat(byThread.stream().mapToInt(List::size).sum()).isPositive();
        for (List<JoinResult> results : byThread) {
            for (JoinResult result : results) {
                Match now = first.findMatch(result.match().id()).orElseThrow();
                assertThat(now.isReady()).as("ready exactly when full").isEqualTo(now.players().size() == 4);
            }
        }
    }
}
