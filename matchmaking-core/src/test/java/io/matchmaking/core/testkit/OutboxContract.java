package io.matchmaking.core.testkit;

import static io.matchmaking.core.testkit.Players.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.PendingEvents;
import io.matchmaking.core.event.EventType;
import io.matchmaking.core.event.HeldEvents;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.PendingEvent;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.Outbox;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The outbox, run unchanged against each store that has one: events are written with the change
 * they tell of, claimed exclusively for a lease, retried when due, kept when given up on, and gone
 * once delivered.
 */
public abstract class OutboxContract extends RepositoryFixture {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private Matchmaker sending(Set<EventType> types) {
        return sending(types, RULES);
    }

    private Matchmaker sending(Set<EventType> types, MatchmakingRules rules) {
        return Matchmaker.builder(repository).rules(rules).clock(clock).clockOverridesStore(true).matchIds(matchIds)
                .outbox(types).build();
    }

    private PendingEvents readyEvents() {
        return sending(Set.of(EventType.MATCH_READY)).pendingEvents().orElseThrow();
    }

    private static List<String> idsOf(List<PendingEvent> pending) {
        return pending.stream().map(event -> event.event().id()).toList();
    }

    @Test
    void aMatchmakerThatChoseNoEventsHasNoPendingEventsAndWritesNone() {
        assertThat(matchmaker.pendingEvents()).isEmpty();
        matchmaker.join(player("p1"));
        matchmaker.join(player("p2"));
        matchmaker.join(player("p3"));

        assertThat(readyEvents().claim(10, LEASE)).isEmpty();
    }

    @Test
    void aReadyMatchIsInTheOutboxOnceWithTheMatchAsItBecameReady() {
        Matchmaker sender = sending(Set.of(EventType.MATCH_READY));
        sender.join(player("p1"));
        sender.join(player("p2"));
        Match ready = sender.join(player("p3")).match();

        List<PendingEvent> pending = sender.pendingEvents().orElseThrow().claim(10, LEASE);

        assertThat(pending).singleElement().satisfies(claimed -> {
            OutboxEvent event = claimed.event();
            assertThat(event.type()).isEqualTo(EventType.MATCH_READY);
            assertThat(event.match()).isEqualTo(ready);
            assertThat(event.player()).isEmpty();
            assertThat(event.occurredAt()).isEqualTo(ready.readyAt());
            assertThat(claimed.failedAttempts()).isZero();
            assertThat(claimed.deliveredTo()).isEmpty();
        });
    }

    @Test
    void playerEventsWhenChosenNameThePlayerInTheOrderTheyHappened() {
        Matchmaker sender = sending(Set.of(EventType.PLAYER_QUEUED, EventType.PLAYER_LEFT));
        sender.join(player("p1"));
        clock.advanceSeconds(1);
        sender.leave(player("p1"));

        List<PendingEvent> pending = sender.pendingEvents().orElseThrow().claim(10, LEASE);

        assertThat(pending).extracting(claimed -> claimed.event().type())
                .containsExactly(EventType.PLAYER_QUEUED, EventType.PLAYER_LEFT);
        assertThat(pending).extracting(claimed -> claimed.event().player())
                .containsExactly(Optional.of(player("p1")), Optional.of(player("p1")));
        assertThat(pending.get(1).event().match().players()).isEmpty();
    }

    @Test
    void aWaitingMatchIsUpdatedOncePerChangeAsTheChangeLeftItAndAReadyOneIsNot() {
        Matchmaker sender = sending(Set.of(EventType.MATCH_UPDATED), RULES.withMatchSize(4));
        Match opened = sender.join(player("p1")).match();
        sender.join(JoinRequest.of(player("p2")).withParty(List.of(player("p2"), player("p3"))));
        sender.leave(player("p3"));
        Match ready = sender.join(JoinRequest.of(player("x1")).withParty(List.of(player("x1"), player("x2"), player("x3"))))
                .match();

        List<OutboxEvent> updates = sender.pendingEvents().orElseThrow().claim(10, LEASE).stream()
                .map(PendingEvent::event).toList();

        assertThat(ready.isReady()).isTrue();
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.type()).isEqualTo(EventType.MATCH_UPDATED);
            assertThat(update.match().id()).isEqualTo(opened.id());
            assertThat(update.player()).isEmpty();
        });
        assertThat(updates).as("a party joins and leaves as one change").extracting(update -> update.match().players())
                .containsExactly(List.of(player("p1")), List.of(player("p1"), player("p2"), player("p3")),
                        List.of(player("p1")));
    }

    @Test
    void aWaitThatTimesOutUpdatesItsMatch() {
        Matchmaker sender = sending(Set.of(EventType.MATCH_UPDATED), RULES.withWaitTimeout(Duration.ofSeconds(30)));
        Match opened = sender.join(player("p1")).match();
        PendingEvents events = sender.pendingEvents().orElseThrow();
        events.delivered(idsOf(events.claim(10, LEASE)));

        clock.advanceSeconds(31);
        sender.sweep();

        assertThat(events.claim(10, LEASE)).singleElement().satisfies(claimed -> {
            assertThat(claimed.event().match().id()).isEqualTo(opened.id());
            assertThat(claimed.event().match().players()).isEmpty();
            assertThat(claimed.event().occurredAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aClaimedEventIsNotClaimedAgainUntilItsLeaseEndsThenAnyoneMayTakeIt() {
        Matchmaker sender = sending(Set.of(EventType.PLAYER_QUEUED));
        sender.join(player("p1"));
        PendingEvents events = sender.pendingEvents().orElseThrow();
        String id = events.claim(10, LEASE).get(0).event().id();

        assertThat(events.claim(10, LEASE)).as("claimed by the first").isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(idsOf(events.claim(10, LEASE))).as("the claimer died: the lease ended").containsExactly(id);
    }

    @Test
    void eventsHandedToTheInstanceThatCommittedThemAreClaimedByItUntilTheClaimEndsThenAnyoneMayTakeThem() {
        List<HeldEvents> handed = new CopyOnWriteArrayList<>();
        Duration claim = Duration.ofSeconds(30);
        Matchmaker sender = Matchmaker.builder(repository).rules(RULES).clock(clock).clockOverridesStore(true)
                .matchIds(matchIds).outbox(Set.of(EventType.MATCH_READY)).handOff(claim, handed::add).build();
        long before = System.nanoTime();
        sender.join(player("p1"));
        sender.join(player("p2"));
        Match ready = sender.join(player("p3")).match();
        long after = System.nanoTime();

        assertThat(handed).as("one unit wrote the event, handed on once committed").singleElement().satisfies(held -> {
            assertThat(held.events()).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo(EventType.MATCH_READY);
                assertThat(event.match()).isEqualTo(ready);
            });
            assertThat(held.claimedSince()).isBetween(before, after);
        });
        PendingEvents events = sender.pendingEvents().orElseThrow();
        assertThat(events.claim(10, LEASE)).as("claimed by the instance that committed it").isEmpty();
        clock.advance(claim.minusMillis(1));
        assertThat(events.claim(10, LEASE)).as("still its own a moment before the claim ends").isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(idsOf(events.claim(10, LEASE))).as("the claim ended: due to anyone")
                .containsExactly(handed.get(0).events().get(0).id());
    }

    @Test
    void aUnitThatWritesNoEventHandsNothingOn() {
        List<HeldEvents> handed = new CopyOnWriteArrayList<>();
        Matchmaker sender = Matchmaker.builder(repository).rules(RULES).clock(clock).clockOverridesStore(true)
                .matchIds(matchIds).outbox(Set.of(EventType.MATCH_READY)).handOff(LEASE, handed::add).build();
        sender.join(player("p1"));
        sender.join(player("p2"));

        assertThat(handed).as("no match is ready yet").isEmpty();
    }

    @Test
    void aHandoffThatFailsFailsNoJoinAndLeavesItsEventsToTheClaimsEnd() {
        Matchmaker sender = Matchmaker.builder(repository).rules(RULES).clock(clock).clockOverridesStore(true)
                .matchIds(matchIds).outbox(Set.of(EventType.PLAYER_QUEUED)).handOff(LEASE, held -> {
                    throw new IllegalStateException("the deliverer is gone");
                }).build();

        assertThat(sender.join(player("p1")).match().players()).containsExactly(player("p1"));
        PendingEvents events = sender.pendingEvents().orElseThrow();
        assertThat(events.claim(10, LEASE)).isEmpty();
        clock.advance(LEASE);
        assertThat(events.claim(10, LEASE)).singleElement()
                .satisfies(pending -> assertThat(pending.event().player()).contains(player("p1")));
    }

    @Test
    void aDeliveredEventLeavesTheOutbox() {
        Matchmaker sender = sending(Set.of(EventType.PLAYER_QUEUED));
        sender.join(player("p1"));
        PendingEvents events = sender.pendingEvents().orElseThrow();
        String id = events.claim(10, LEASE).get(0).event().id();

        events.delivered(List.of(id));
        clock.advance(LEASE.multipliedBy(2));

        assertThat(events.claim(10, LEASE)).isEmpty();
        assertThat(events.stats().undelivered()).isZero();
        assertThat(events.stats().oldestUndelivered()).isEmpty();
    }

    @Test
    void aFailedAttemptIsDueAgainAtItsNextTimeAndCarriesItsCountAndWhoTookIt() {
        Matchmaker sender = sending(Set.of(EventType.PLAYER_QUEUED));
        sender.join(player("p1"));
        PendingEvents events = sender.pendingEvents().orElseThrow();
        String id = events.claim(10, LEASE).get(0).event().id();

        events.retryAt(id, 1, events.now().plusSeconds(30), Set.of("https://a.example/hooks", "https://b.example/hooks?x=1"));
        clock.advanceSeconds(10);
        assertThat(events.claim(10, LEASE)).isEmpty();
        clock.advanceSeconds(21);
        assertThat(events.claim(10, LEASE)).singleElement().satisfies(again -> {
            assertThat(again.failedAttempts()).isEqualTo(1);
            assertThat(again.deliveredTo()).as("the destinations that took it, kept for the retry")
                    .containsExactlyInAnyOrder("https://a.example/hooks", "https://b.example/hooks?x=1");
        });
    }

    @Test
    void anEventGivenUpOnIsKeptAndCountedButNeverClaimedAgain() {
        Matchmaker sender = sending(Set.of(EventType.PLAYER_QUEUED));
        sender.join(player("p1"));
        clock.advanceSeconds(5);
        sender.join(player("p2"));
        PendingEvents events = sender.pendingEvents().orElseThrow();
        List<PendingEvent> both = events.claim(10, LEASE);

        events.failed(both.get(0).event().id(), 12);
        clock.advance(Duration.ofDays(3));

        assertThat(events.stats().failed()).isEqualTo(1);
        assertThat(events.stats().undelivered()).isEqualTo(1);
        assertThat(events.stats().oldestUndelivered()).contains(both.get(1).event().occurredAt());
        assertThat(idsOf(events.claim(10, LEASE))).containsExactly(both.get(1).event().id());
    }

    @Test
    void claimsTakeTheOldestFirstAndNoMoreThanAsked() {
        Matchmaker sender = sending(Set.of(EventType.PLAYER_QUEUED));
        for (int i = 1; i <= 5; i++) {
            sender.join(player("q" + i));
            clock.advanceSeconds(1);
        }
        PendingEvents events = sender.pendingEvents().orElseThrow();

        List<PendingEvent> first = events.claim(2, LEASE);
        List<PendingEvent> rest = events.claim(10, LEASE);

        assertThat(first).extracting(claimed -> claimed.event().player().orElseThrow())
                .containsExactly(player("q1"), player("q2"));
        assertThat(rest).extracting(claimed -> claimed.event().player().orElseThrow())
                .containsExactly(player("q3"), player("q4"), player("q5"));
    }

    @Test
    void claimersRacingEachOtherNeverTakeTheSameEvent() throws Exception {
        Matchmaker sender = sending(Set.of(EventType.PLAYER_QUEUED));
        for (int i = 0; i < 40; i++) {
            sender.join(player("r" + i));
        }
        PendingEvents events = sender.pendingEvents().orElseThrow();

        List<List<String>> claims = Concurrently.run(8, t -> idsOf(events.claim(3, LEASE)));

        List<String> all = claims.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(24);
        assertThat(new HashSet<>(all)).as("no event claimed twice").hasSize(24);
    }

    @Test
    void aStoreWithoutAnOutboxRefusesAMatchmakerThatSendsEvents() {
        MatchRepository none = new ForwardingRepository(repository) {
            @Override
            public Optional<Outbox> outbox() {
                return Optional.empty();
            }
        };

        assertThatThrownBy(() -> Matchmaker.builder(none).outbox(Set.of(EventType.MATCH_READY)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outbox");
    }
}
