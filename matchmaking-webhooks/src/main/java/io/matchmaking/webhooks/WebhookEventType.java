package io.matchmaking.webhooks;

import io.matchmaking.core.event.MatchReady;
import io.matchmaking.core.event.MatchmakingEvent;
import io.matchmaking.core.event.PlayerExpired;
import io.matchmaking.core.event.PlayerLeft;
import io.matchmaking.core.event.PlayerQueued;

/** The {@code type} of a webhook, as receivers switch on it. */
public enum WebhookEventType {

    /** A match became ready: the one every receiver needs, to start the game. */
    MATCH_READY("match.ready"),
    /** A player took a new place in a waiting match. */
    PLAYER_QUEUED("player.queued"),
    /** A player left their waiting match. */
    PLAYER_LEFT("player.left"),
    /** A player's wait timed out. */
    PLAYER_EXPIRED("player.expired");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the body: {@code match.ready}, {@code player.queued}, ... */
    public String wireName() {
        return wireName;
    }

    /** The type of a webhook for {@code event}. */
    public static WebhookEventType of(MatchmakingEvent event) {
        if (event instanceof MatchReady) {
            return MATCH_READY;
        }
        if (event instanceof PlayerQueued) {
            return PLAYER_QUEUED;
        }
        if (event instanceof PlayerLeft) {
            return PLAYER_LEFT;
        }
        if (event instanceof PlayerExpired) {
            return PLAYER_EXPIRED;
        }
        throw new IllegalArgumentException("no webhook type for " + event.getClass().getSimpleName());
    }
}
