package io.matchmaking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.OutboxEvent;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.event.PlayerLeft;
import io.matchmaking.core.event.PlayerQueued;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies as receivers read them: the type, when, and the match in the seed's shape. */
class WebhookBodyTest {

    private static final Instant T0 = Instant.parse("2026-12-03T07:29:13Z");

    private static Match waitingWith(String... players) {
        Match match = Match.open(MatchId.of("m1"), QueueName.DEFAULT, 3, T0.minusSeconds(20));
        for (String player : players) {
            match = match.withPlayer(PlayerId.of(player), T0);
        }
        return match;
    }

    @Test
    void aReadyMatchIsAnnouncedWithTheSeedsViewOfIt() {
        Match ready = waitingWith("p1", "p2", "p3");

        String body = WebhookBody.of(OutboxEvent.of("e1", new MatchReady(ready, List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO), T0)));

        assertThat(body).isEqualTo("{\"type\":\"match.ready\",\"timestamp\":\"2026-12-03T07:29:13Z\",\"data\":"
                + "{\"match_id\":\"m1\",\"status\":\"ready\",\"players\":[\"p1\",\"p2\",\"p3\"],"
                + "\"updated_at\":1796282953,\"ready_at\":1796282953}}");
    }

    @Test
    void aPlayersEventNamesThePlayerNextToTheMatchAfterIt() {
        Match waiting = waitingWith("p1");

        assertThat(WebhookBody.of(OutboxEvent.of("e2", new PlayerQueued(PlayerId.of("p1"), waiting, T0))))
                .isEqualTo("{\"type\":\"player.queued\",\"timestamp\":\"2026-12-03T07:29:13Z\",\"data\":"
                        + "{\"match_id\":\"m1\",\"status\":\"waiting\",\"players\":[\"p1\"],\"updated_at\":1796282953,"
                        + "\"player_id\":\"p1\"}}");
        assertThat(WebhookBody.of(OutboxEvent.of("e3", new PlayerLeft(PlayerId.of("p2"), waiting, T0)))).startsWith("{\"type\":\"player.left\"")
                .endsWith("\"player_id\":\"p2\"}}");
        assertThat(WebhookBody.of(OutboxEvent.of("e4", new PlayerExpired(PlayerId.of("p3"), waiting, T0)))).startsWith("{\"type\":\"player.expired\"");
    }

    @Test
    void aMatchUpdateCarriesTheMatchAloneAsTheChangeLeftIt() {
        Match waiting = waitingWith("p1", "p2");

        assertThat(WebhookBody.of(OutboxEvent.matchUpdated("e5", waiting, T0)))
                .isEqualTo("{\"type\":\"match.updated\",\"timestamp\":\"2026-12-03T07:29:13Z\",\"data\":"
                        + "{\"match_id\":\"m1\",\"status\":\"waiting\",\"players\":[\"p1\",\"p2\"],"
                        + "\"updated_at\":1796282953}}");
    }
}
