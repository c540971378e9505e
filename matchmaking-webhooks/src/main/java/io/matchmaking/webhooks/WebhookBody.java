package io.matchmaking.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matchmaking.core.event.OutboxEvent;
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
    public static String of(OutboxEvent event) {
        Body body = new Body(WebhookEventType.of(event.type()).wireName(), event.occurredAt().toString(),
                new Data(MatchView.of(event.match()), event.player().map(PlayerId::value).orElse(null)));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body could not be written", e);
        }
    }

    @JsonPropertyOrder({"type", "timestamp", "data"})
    private record Body(@JsonProperty("type") String type, @JsonProperty("timestamp") String timestamp,
            @JsonProperty("data") Data data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Data(@JsonUnwrapped MatchView match, @JsonProperty("player_id") String playerId) {
    }
}
