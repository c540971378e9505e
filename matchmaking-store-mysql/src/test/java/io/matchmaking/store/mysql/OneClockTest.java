package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database whose own clocks run ten minutes ahead and ten minutes behind:
 * the times of record and the expiry and purge cut-offs come from the database's clock, so they
 * behave as one; no time is in the future or goes backwards, no player expires early.
 */
class OneClockTest {

    private static final Duration SKEW = Duration.ofMinutes(10);
    private static final MatchmakingRules RULES = new MatchmakingRules(3, Duration.ofSeconds(300), Duration.ofHours(1));

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final MySqlMatchRepository repository = MySqlMatchRepository.open(database.settings(2));
    private final Matchmaker ahead = Matchmaker.builder(repository).rules(RULES)
            .clock(Clock.offset(Clock.systemUTC(), SKEW)).build();
    private final Matchmaker behind = Matchmaker.builder(repository).rules(RULES)
            .clock(Clock.offset(Clock.systemUTC(), SKEW.negated())).build();

    @AfterEach
    void cleanUp() {
        repository.close();
        database.close();
    }

    private Instant databaseNow() {
        return repository.now().orElseThrow();
    }

    @Test
    void timesOfRecordComeFromTheDatabaseAndNeverGoBackwards() {
        Instant before = databaseNow();
        Match first = ahead.join(PlayerId.of("p1")).match();
        Match second = behind.join(PlayerId.of("p2")).match();
        Match ready = ahead.join(PlayerId.of("p3")).match();
        Instant after = databaseNow();

        assertThat(first.updatedAt()).isBetween(before, after);
        assertThat(second.updatedAt()).isBetween(first.updatedAt(), after);
        assertThat(ready.readyAt()).isBetween(second.updatedAt(), after);
    }

    @Test
    void anInstanceWhoseClockRunsAheadExpiresNoPlayerEarly() {
        behind.join(PlayerId.of("p1"));

        assertThat(ahead.sweep().expiredPlayers()).isZero();
        assertThat(repository.findWaitingPlayer(PlayerId.of("p1"))).isPresent();
    }

    /**
     * A party waits as one ticket with one time of record: an instance whose clock runs ahead
     * neither expires it early nor splits it, and the instance behind refreshes it as a whole.
     */
    @Test
    void aPartyPlacedByAnInstanceBehindIsNeitherExpiredEarlyNorSplitByOneAhead() {
        Match waiting = behind.join(new JoinRequest(PlayerId.of("lead"), QueueName.DEFAULT)
                .withParty(List.of(PlayerId.of("mate")))).match();
        Instant placedAt = repository.findWaitingPlayer(PlayerId.of("mate")).orElseThrow().joinedAt();

        assertThat(ahead.sweep().expiredPlayers()).isZero();
        assertThat(repository.findWaitingPlayer(PlayerId.of("lead"))).isPresent();
        assertThat(repository.findWaitingPlayer(PlayerId.of("mate"))).isPresent();
        assertThat(placedAt).isBetween(waiting.updatedAt().minusSeconds(1), databaseNow());
        Match ready = ahead.join(PlayerId.of("solo")).match();
        assertThat(ready.players()).extracting(PlayerId::value).containsExactly("lead", "mate", "solo");
        assertThat(ready.readyAt()).isAfterOrEqualTo(waiting.updatedAt());
    }

    @Test
    void anInstanceWhoseClockRunsAheadPurgesNoMatchEarly() {
        Matchmaker farAhead = Matchmaker.builder(repository).rules(RULES)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2))).build();
        behind.join(PlayerId.of("p1"));
        behind.join(PlayerId.of("p2"));
        Match ready = behind.join(PlayerId.of("p3")).match();

        assertThat(farAhead.sweep().purgedReadyMatches()).isZero();
        assertThat(repository.findMatch(ready.id())).contains(ready);
    }
}
