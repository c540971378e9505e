package io.matchmaking.core.event;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event written to the outbox in the same atomic step as the change it tells of, to be
 * delivered to the game's backend at least once; {@code id} stays the same on every attempt, so a
 * receiver dedupes by it.
 *
 * @param id         unique, chosen when the change is decided
 * @param type       what happened
 * @param match      the match after the change
 * @param player     the player of a player's event; empty for a match's
 * @param occurredAt when the change happened (its time of record)
 */
public record OutboxEvent(String id, EventType type, Match match, Optional<PlayerId> player, Instant occurredAt) {

    /** Rejects missing parts. */
    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** {@code event} as the outbox records it, under {@code id}. */
    public static OutboxEvent of(String id, MatchmakingEvent event) {
        Optional<PlayerId> player = Optional.empty();
        if (event instanceof PlayerQueued queued) {
            player = Optional.of(queued.player());
        } else if (event instanceof PlayerLeft left) {
            player = Optional.of(left.player());
        } else if (event instanceof PlayerExpired expired) {
            player = Optional.of(expired.player());
        }
        return new OutboxEvent(id, EventType.of(event), event.match(), player, event.at());
    }

    /** A {@link EventType#MATCH_UPDATED} under {@code id}: {@code match} as a change at {@code at} left it. */
    public static OutboxEvent matchUpdated(String id, Match match, Instant at) {
        return new OutboxEvent(id, EventType.MATCH_UPDATED, match, Optional.empty(), at);
    }
}
