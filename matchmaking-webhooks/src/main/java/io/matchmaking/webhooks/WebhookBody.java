package io.matchmaking.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.event.PlayerLeft;
import io.matchmaking.core.event.PlayerQueued;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.json.MatchView;

/**
 * The body of a webhook, as Standard Webhooks lays it out: {@code type}, {@code timestamp} (RFC
 * 3339, when the change happened) and {@code data}, which is the match after the change exactly as
 * {@code GET /status/{match_id}} answers it, plus {@code player_id} for the events of one player.
 *
 * <pre>{"type":"match.ready","timestamp":"2026-12-03T07:29:13Z","data":{"match_id":"m1","status":"ready",...}}</pre>
 */
public final class WebhookBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBody() {
    }

    /** The body announcing {@code event}. */
    public static String of(MatchmakingEvent event) {
        Body body = new Body(WebhookEventType.of(event).wireName(), event.at().toString(),
                new Data(MatchView.of(event.match()), playerOf(event)));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body could not be written", e);
        }
    }

    private static String playerOf(MatchmakingEvent event) {
        PlayerId player = null;
        if (event instanceof PlayerQueued queued) {
            player = queued.player();
        } else if (event instanceof PlayerLeft left) {
            player = left.player();
        } else if (event instanceof PlayerExpired expired) {
            player = expired.player();
        }
        return player == null ? null : player.value();
    }

    @JsonPropertyOrder({"type", "timestamp", "data"})
    private record Body(@JsonProperty("type") String type, @JsonProperty("timestamp") String timestamp,
            @JsonProperty("data") Data data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Data(@JsonUnwrapped MatchView match, @JsonProperty("player_id") String playerId) {
    }
}
