package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.StoreUnavailableException;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.testkit.MatchInvariants;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away (a proxy between pool and server cuts every connection) and comes back:
 * unavailable while cut, answered within seconds, working again after without a restart, and
 * every acknowledged join still there.
 */
class OutageTest {

    private final MySqlTestDatabase database = MySqlTestDatabase.create();
    private TcpProxy proxy;
    private MySqlMatchRepository repository;

    @AfterEach
    void cleanUp() throws Exception {
        if (repository != null) {
            repository.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        database.close();
    }

    @Test
    void unavailableWhileCutAndRecoversByItselfLosingNothing() throws Exception {
        proxy = TcpProxy.to(database.serverAddress());
        MySqlStoreSettings direct = database.settings(4);
        repository = MySqlMatchRepository.open(new MySqlStoreSettings(database.urlThrough(proxy.address()),
                direct.user(), direct.password(), 4, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        Matchmaker matchmaker = Matchmaker.builder(repository).build();
        Map<PlayerId, JoinResult> acknowledged = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            PlayerId player = PlayerId.of("before-" + i);
            acknowledged.put(player, matchmaker.join(player));
        }

        proxy.cut();
        long cutAt = System.nanoTime();
        assertThatThrownBy(() -> matchmaker.join(PlayerId.of("during"))).isInstanceOf(StoreUnavailableException.class);
        long answeredWithinMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);
        assertThat(answeredWithinMillis).as("a dead database is reported fast").isLessThan(5_000);
        assertThatThrownBy(() -> matchmaker.findPlayerMatch(PlayerId.of("before-1")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(repository.isAvailable()).isFalse();

        proxy.restore();
        PlayerId after = PlayerId.of("after");
        acknowledged.put(after, joinWithinSeconds(matchmaker, after, 10));
        assertThat(repository.isAvailable()).isTrue();

        MatchInvariants.check(matchmaker, acknowledged, 3);
        assertThat(matchmaker.findPlayerMatch(PlayerId.of("during"))).as("the refused join took no effect").isEmpty();
    }

    /** Bounded polling: the pool reconnects on its own once the database answers again. */
    private static JoinResult joinWithinSeconds(Matchmaker matchmaker, PlayerId player, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        StoreUnavailableException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return matchmaker.join(player);
            } catch (StoreUnavailableException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError("still unavailable " + seconds + " s after the restore", last);
    }

    @Test
    void aStoreThatCannotReachItsDatabaseAtStartUpSaysSo() throws Exception {
        // a port held by a socket that never listens refuses every connection for as long as it is
        // held; a closed proxy's port could be taken again by anything in between
        try (Socket reserved = new Socket()) {
            reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String refusing = "127.0.0.1:" + reserved.getLocalPort();
            MySqlStoreSettings direct = database.settings(2);
            MySqlStoreSettings unreachable = new MySqlStoreSettings(database.urlThrough(refusing), direct.user(),
                    direct.password(), 2, Duration.ofSeconds(1), Duration.ofSeconds(5));

            assertThatThrownBy(() -> MySqlMatchRepository.open(unreachable))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("cannot reach MySQL at jdbc:mysql://" + refusing)
                    .satisfies(e -> assertThat(Optional.ofNullable(e.getMessage()).orElse("")).doesNotContain("password="));
        }
    }
}
