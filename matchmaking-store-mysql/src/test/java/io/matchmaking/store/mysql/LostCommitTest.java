package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.OutcomeUnknownException;
import io.matchmaking.core.RetryReason;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.store.MatchRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A COMMIT whose answer never comes back: the store reads the unit's marker back on another
 * connection and answers the truth. Committed: the unit's answer; not committed: the unit runs
 * again; not readable in time: an unknown outcome, never "did not take effect".
 */
@Timeout(60)
class LostCommitTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private final TcpProxy proxy;
    private final MySqlMatchRepository throughProxy;
    private final MySqlMatchRepository direct;
    private final Matchmaker matchmaker;
    private final List<RetryReason> retries = new CopyOnWriteArrayList<>();

    LostCommitTest() throws Exception {
        proxy = TcpProxy.to(database.serverAddress());
        MySqlStoreSettings settings = database.settings(4);
        throughProxy = MySqlMatchRepository.open(new MySqlStoreSettings(database.urlThrough(proxy.address()),
                settings.user(), settings.password(), 4, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        direct = MySqlMatchRepository.open(settings);
        matchmaker = Matchmaker.builder(throughProxy).retryListener(retries::add).build();
    }

    @AfterEach
    void cleanUp() throws Exception {
        throughProxy.close();
        direct.close();
        proxy.close();
        database.close();
    }

    @Test
    void theCompletingJoinWhoseCommitAnswerIsLostIsAnsweredReady() {
        matchmaker.join(PlayerId.of("p1"));
        matchmaker.join(PlayerId.of("p2"));
        proxy.loseTheReplyTo("COMMIT");

        JoinResult third = matchmaker.join(PlayerId.of("p3"));

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertThat(third.match().isReady()).isTrue();
        assertThat(third.match().players()).extracting(PlayerId::value).containsExactly("p1", "p2", "p3");
        assertThat(direct.findCurrentMatchOf(PlayerId.of("p3"))).contains(third.match());
        assertThat(direct.findWaitingPlayer(PlayerId.of("p3"))).as("one place, not two").isEmpty();
    }

    @Test
    void everyJoinOfAUnitWhoseCommitAnswerIsLostGetsTheTruth() {
        proxy.loseTheReplyTo("COMMIT");

        List<JoinResult> results = matchmaker.joinAll(List.of(JoinRequest.of(PlayerId.of("a")),
                JoinRequest.of(PlayerId.of("b")), JoinRequest.of(PlayerId.of("c")), JoinRequest.of(PlayerId.of("d"))));

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertThat(results.get(2).match().isReady()).isTrue();
        assertThat(results.get(3).match().players()).extracting(PlayerId::value).containsExactly("d");
        assertThat(direct.findWaitingPlayer(PlayerId.of("d"))).isPresent();
        assertThat(direct.findCurrentMatchOf(PlayerId.of("a")).map(Match::isReady)).contains(true);
    }

    @Test
    void aCommitThatNeverArrivedRunsAgainAndTakesOnePlace() {
        matchmaker.join(PlayerId.of("p1"));
        proxy.drop("COMMIT");

        JoinResult second = matchmaker.join(PlayerId.of("p2"));

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertThat(second.match().players()).extracting(PlayerId::value).containsExactly("p1", "p2");
        assertThat(direct.findCurrentMatchOf(PlayerId.of("p2"))).contains(second.match());
        assertThat(retries).as("the store said why; the core ran the unit again").containsExactly(RetryReason.COMMIT_LOST);
    }

    @Test
    void aPartyWhoseCompletingCommitAnswerIsLostIsAnsweredReadyAndHoldsNoPlace() {
        matchmaker.join(PlayerId.of("p1"));
        proxy.loseTheReplyTo("COMMIT");

        JoinResult party = matchmaker.join(JoinRequest.of(PlayerId.of("lead")).withParty(List.of(PlayerId.of("mate"))));

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertThat(party.match().isReady()).isTrue();
        assertThat(party.match().players()).extracting(PlayerId::value).containsExactly("p1", "lead", "mate");
        assertThat(retries).as("read back as committed: nothing ran twice").isEmpty();
        for (String member : List.of("lead", "mate")) {
            assertThat(direct.findCurrentMatchOf(PlayerId.of(member))).contains(party.match());
            assertThat(direct.findWaitingPlayer(PlayerId.of(member))).isEmpty();
        }
    }

    @Test
    void aPartyWhoseCommitNeverArrivedRunsAgainAndIsSeatedOnceTogether() {
        proxy.drop("COMMIT");

        JoinResult party = matchmaker.join(JoinRequest.of(PlayerId.of("lead")).withParty(List.of(PlayerId.of("mate"))));

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertThat(retries).containsExactly(RetryReason.COMMIT_LOST);
        assertThat(party.match().players()).extracting(PlayerId::value).containsExactly("lead", "mate");
        assertThat(direct.findWaitingPlayer(PlayerId.of("lead")).orElseThrow().matchId()).isEqualTo(party.match().id());
        assertThat(direct.findWaitingPlayer(PlayerId.of("mate")).orElseThrow().ticket()).isEqualTo(PlayerId.of("lead"));
        assertThat(direct.queues()).singleElement().satisfies(queue -> assertThat(queue.places()).hasSize(2));
    }

    @Test
    void anOutcomeThatCannotBeReadBackIsUnknownNotUnavailable() throws Exception {
        matchmaker.join(PlayerId.of("p1"));
        proxy.loseTheReplyToThenCut("COMMIT");
        long started = System.nanoTime();

        assertThatThrownBy(() -> matchmaker.join(PlayerId.of("p2"))).isInstanceOf(OutcomeUnknownException.class);

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(tookMillis).as("bounded by the read-back").isBetween(
                CommitOutcomes.READ_BACK.toMillis() - 100, CommitOutcomes.READ_BACK.toMillis() + 3_000);
        // the database took the COMMIT: the unknown outcome was in truth a commit
        assertThat(direct.findWaitingPlayer(PlayerId.of("p2"))).isPresent();
        proxy.restore();
    }

    @Test
    void markersAreLeftByWritingUnitsOnlyAndPurgedOnceOld() throws Exception {
        MatchRepository store = direct;
        Matchmaker onDirect = Matchmaker.builder(store).build();
        onDirect.join(PlayerId.of("m1"));
        onDirect.join(PlayerId.of("m1"));
        assertThat(markers()).as("a join, and a refresh of its wait timer").isEqualTo(2);
        onDirect.findPlayerMatch(PlayerId.of("m1"));
        assertThat(markers()).as("reads leave none").isEqualTo(2);

        database.execute("INSERT INTO mm_unit (unit_id) VALUES ('" + UnitMarkers.firstIdAt(
                java.time.Instant.now().minus(UnitMarkers.RETENTION).minusSeconds(1)) + "')");
        assertThat(markers()).isEqualTo(3);
        store.purgeReadyMatches(java.time.Instant.now().minus(Duration.ofHours(1)));
        assertThat(markers()).as("only the old one purged").isEqualTo(2);
    }

    /**
     * Markers are stamped and purged by the database's clock, as times of record are: with an
     * instance's clock an hour ahead of the database's (here the database's sessions are set an hour
     * behind this JVM), a marker stamped by the JVM would look an hour old to a sweep on the database's
     * clock, and an instance further ahead would purge markers still needed for a read-back.
     */
    @Test
    void markersCarryTheDatabasesTimeNotTheInstancesAndItsPurgeUsesThatClockToo() throws Exception {
        long hourBehind = java.time.Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        String url = database.url() + (database.url().contains("?") ? "&" : "?") + "sessionVariables=timestamp=" + hourBehind;
        MySqlStoreSettings settings = database.settings(2);
        try (MySqlMatchRepository skewed = MySqlMatchRepository.open(new MySqlStoreSettings(url, settings.user(),
                settings.password(), 2, Duration.ofSeconds(2), Duration.ofSeconds(5)))) {
            Matchmaker onSkewed = Matchmaker.builder(skewed).build();
            onSkewed.join(PlayerId.of("t1"));
            long stampedAt = markerTimes().get(0);
            assertThat(stampedAt).as("the marker's time is the database's")
                    .isBetween(hourBehind * 1000 - 2_000, hourBehind * 1000 + 2_000);
            skewed.purgeReadyMatches(skewed.now().orElseThrow().minus(Duration.ofHours(1)));
            assertThat(markers()).as("fresh by the database's clock, so kept").isEqualTo(1);
        }
    }

    private List<Long> markerTimes() throws Exception {
        List<Long> times = new java.util.ArrayList<>();
        try (var connection = database.connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT unit_id FROM mm_unit")) {
            while (rows.next()) {
                times.add(java.util.UUID.fromString(rows.getString(1)).getMostSignificantBits() >>> 16);
            }
        }
        return times;
    }

    private long markers() throws Exception {
        try (var connection = database.connect(); var statement = connection.createStatement();
                var count = statement.executeQuery("SELECT COUNT(*) FROM mm_unit")) {
            count.next();
            return count.getLong(1);
        }
    }
}
