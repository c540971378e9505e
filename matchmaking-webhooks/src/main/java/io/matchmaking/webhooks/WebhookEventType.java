package io.matchmaking.webhooks;

import io.matchmaking.core.event.EventType;


/** The {@code type} of a webhook, as receivers switch on it. */
public enum WebhookEventType {

    /** A match became ready: the one every receiver needs, to start the game. */
    MATCH_READY("match.ready"),
    /** A player took a new place in a waiting match. */
    PLAYER_QUEUED("player.queued"),
    /** A player left their waiting match. */
    PLAYER_LEFT("player.left"),
    /** A player's wait timed out. */
    PLAYER_EXPIRED("player.expired"),
    /** The players of a waiting match changed; {@code data} is the match after the whole change. */
    MATCH_UPDATED("match.updated");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the body: {@code match.ready}, {@code player.queued}, ... */
    public String wireName() {
        return wireName;
    }

    /** The type of a webhook for an event of {@code type}. */
    public static WebhookEventType of(EventType type) {
        return switch (type) {
            case MATCH_READY -> MATCH_READY;
            case PLAYER_QUEUED -> PLAYER_QUEUED;
            case PLAYER_LEFT -> PLAYER_LEFT;
            case PLAYER_EXPIRED -> PLAYER_EXPIRED;
            case MATCH_UPDATED -> MATCH_UPDATED;
        };
    }
}
