package io.matchmaking.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.WorkResult;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The queue's invariants over random histories of solo and party joins, leaves, time passing and
 * expiry, each operation one unit committed to a {@link QueueSnapshot}: no player twice, matches
 * never over size, ready exactly when full, a party never split, first fit in the order matches
 * were opened, and a refused join changes nothing. A failing history is shrunk (operations
 * dropped while it still fails) and reported with its seed, so it can be replayed.
 */
class QueuePropertiesTest {

    private static final QueueName QUEUE = QueueName.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int HISTORIES = 400;
    private static final int OPERATIONS = 80;
    private static final int PLAYERS = 14;

    /** One step of a history. */
    private sealed interface Operation {
    }

    private record Join(String submitter, List<String> members) implements Operation {
    }

    private record Leave(String player) implements Operation {
    }

    private record Pass(int seconds) implements Operation {
    }

    private record Expire() implements Operation {
    }

    private record History(long seed, int matchSize, List<Operation> operations) {
    }

    @Test
    void everyRandomHistoryKeepsTheQueuesInvariants() {
        long base = Long.getLong("queue.properties.seed", 20261202L);
        for (int i = 0; i < HISTORIES; i++) {
            History history = generate(base + i);
            AssertionError failure = failureOf(history);
            if (failure != null) {
                History smallest = shrink(history);
                throw new AssertionError("seed " + history.seed() + ", match size " + history.matchSize()
                        + ", shrunk to " + smallest.operations(), failureOf(smallest));
            }
        }
    }

    private static History generate(long seed) {
        Random random = new Random(seed);
        int matchSize = 2 + random.nextInt(4);
        List<Operation> operations = new ArrayList<>(OPERATIONS);
        for (int i = 0; i < OPERATIONS; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                List<String> members = new ArrayList<>();
                int size = random.nextInt(10) < 5 ? 0 : 1 + random.nextInt(matchSize + 1); // sometimes too large
                for (int m = 0; m < size; m++) {
                    members.add(name(random));
                }
                operations.add(new Join(name(random), members));
            } else if (kind < 8) {
                operations.add(new Leave(name(random)));
            } else if (kind < 9) {
                operations.add(new Pass(random.nextInt(40)));
            } else {
                operations.add(new Expire());
            }
        }
        return new History(seed, matchSize, operations);
    }

    private static String name(Random random) {
        return "p" + random.nextInt(PLAYERS);
    }

    /** Drops operations one at a time, keeping each drop that still fails, until none can go. */
    private static History shrink(History failing) {
        List<Operation> operations = new ArrayList<>(failing.operations());
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (int i = operations.size() - 1; i >= 0; i--) {
                List<Operation> fewer = new ArrayList<>(operations);
                fewer.remove(i);
                if (failureOf(new History(failing.seed(), failing.matchSize(), fewer)) != null) {
                    operations = fewer;
                    dropped = true;
                }
            }
        }
        return new History(failing.seed(), failing.matchSize(), operations);
    }

    private static AssertionError failureOf(History history) {
        try {
            run(history);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e instanceof AssertionError error ? error : new AssertionError(e);
        }
    }

    private static void run(History history) {
        MatchmakingRules rules = MatchmakingRules.ofSize(history.matchSize()).withWaitTimeout(Duration.ofSeconds(60));
        QueueSnapshot store = new QueueSnapshot(QUEUE, history.matchSize());
        AtomicInteger ids = new AtomicInteger();
        MatchIdGenerator matchIds = () -> MatchId.of("m" + ids.incrementAndGet());
        Instant now = T0;
        for (Operation operation : history.operations()) {
            if (operation instanceof Pass pass) {
                now = now.plusSeconds(pass.seconds());
                continue;
            }
            List<Match> before = store.waitingMatches();
            Map<PlayerId, WaitingPlayer> placesBefore = Map.copyOf(store.places);
            if (operation instanceof Join join) {
                JoinRequest request = JoinRequest.of(PlayerId.of(join.submitter()))
                        .withParty(join.members().stream().map(PlayerId::of).toList());
                Queue queue = Queue.read(store, QUEUE, rules, now, request.players(), Set.of());
                JoinStep step = queue.join(request, matchIds);
                WorkResult<Decision<JoinStep>> unit = queue.decided(step);
                store.apply(unit.changes());
                checkJoin(request, step, before, placesBefore, store, rules);
            } else if (operation instanceof Leave leave) {
                Queue queue = Queue.read(store, QUEUE, rules, now, List.of(PlayerId.of(leave.player())), Set.of());
                store.apply(queue.decided(queue.leave(LeaveRequest.of(PlayerId.of(leave.player())))).changes());
                assertThat(store.places).as("a leave takes out the whole ticket").doesNotContainKey(PlayerId.of(leave.player()));
                checkNoTicketSplit(placesBefore, store);
            } else if (operation instanceof Expire) {
                Queue queue = Queue.read(store, QUEUE, rules, now, List.of(), Set.of());
                store.apply(queue.decided(queue.expire()).changes());
                Instant cutoff = now.minus(rules.waitTimeout());
                assertThat(store.places.values()).as("no place older than the wait timeout survives a sweep")
                        .allMatch(place -> !place.lastJoinAt().isBefore(cutoff));
                checkNoTicketSplit(placesBefore, store);
            }
            checkState(store, history.matchSize());
        }
    }

    private static void checkJoin(JoinRequest request, JoinStep step, List<Match> before,
            Map<PlayerId, WaitingPlayer> placesBefore, QueueSnapshot store, MatchmakingRules rules) {
        List<PlayerId> ticket = request.players();
        if (step instanceof JoinStep.Refused) {
            assertThat(store.waitingMatches()).as("a refused join changes no match").isEqualTo(before);
            assertThat(store.places).as("a refused join changes no place").isEqualTo(placesBefore);
            boolean tooLarge = ticket.size() > rules.matchSize();
            boolean someoneWaits = ticket.stream().anyMatch(placesBefore::containsKey);
            assertThat(tooLarge || someoneWaits).as("refused only when too large or a member waits").isTrue();
            return;
        }
        JoinResult result = ((JoinStep.Settled) step).result();
        assertThat(result.match().players()).as("the whole ticket is in its answer").containsAll(ticket);
        if (result instanceof JoinResult.Queued) {
            assertThat(ticket).as("a new ticket had nobody waiting").noneMatch(placesBefore::containsKey);
            Match expected = before.stream().filter(match -> match.seatsLeft() >= ticket.size()).findFirst().orElse(null);
            if (expected == null) {
                assertThat(before).as("a new match only when none had the seats")
                        .extracting(Match::id).doesNotContain(result.match().id());
            } else {
                assertThat(result.match().id()).as("first fit in the order opened").isEqualTo(expected.id());
            }
            List<PlayerId> seated = result.match().players();
            assertThat(seated.subList(seated.size() - ticket.size(), seated.size()))
                    .as("the ticket sits together, in the last places").isEqualTo(ticket);
        } else {
            assertThat(result).isInstanceOf(JoinResult.AlreadyWaiting.class);
            assertThat(new HashSet<>(ticket)).as("only the waiting ticket itself is answered its match")
                    .isEqualTo(ticketOf(placesBefore, placesBefore.get(request.player())));
        }
    }

    /** Each ticket that waited before waits whole, or not at all. */
    private static void checkNoTicketSplit(Map<PlayerId, WaitingPlayer> placesBefore, QueueSnapshot store) {
        for (WaitingPlayer place : placesBefore.values()) {
            Set<PlayerId> ticket = ticketOf(placesBefore, place);
            long still = ticket.stream().filter(store.places::containsKey).count();
            assertThat(still).as("ticket %s waits whole or not at all", ticket).isIn(0L, (long) ticket.size());
        }
    }

    private static Set<PlayerId> ticketOf(Map<PlayerId, WaitingPlayer> places, WaitingPlayer place) {
        Set<PlayerId> ticket = new HashSet<>();
        places.values().stream().filter(other -> other.sameTicketAs(place)).forEach(other -> ticket.add(other.player()));
        return ticket;
    }

    /** The state after every unit: places and waiting matches agree, nobody twice, sizes respected. */
    private static void checkState(QueueSnapshot store, int matchSize) {
        Map<PlayerId, MatchId> seatOf = new HashMap<>();
        for (Match match : store.waitingMatches()) {
            assertThat(match.isReady()).isFalse();
            assertThat(match.players().size()).as("a waiting match is never full").isLessThan(matchSize);
            for (PlayerId player : match.players()) {
                assertThat(seatOf.put(player, match.id())).as("%s waits twice", player).isNull();
                WaitingPlayer place = store.places.get(player);
                assertThat(place).as("%s sits in %s with no place", player, match.id()).isNotNull();
                assertThat(place.matchId()).isEqualTo(match.id());
            }
        }
        assertThat(store.places.keySet()).as("every place is a seat of a waiting match").isEqualTo(seatOf.keySet());
        for (Match match : store.matches.values()) {
            assertThat(match.isReady()).as("ready exactly when full").isEqualTo(match.players().size() == matchSize);
        }
    }
}
