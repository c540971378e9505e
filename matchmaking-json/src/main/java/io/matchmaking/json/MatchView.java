package io.matchmaking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shape of a match that game clients rely on (the seed contract): snake_case, UNIX
 * seconds, and {@code ready_at} absent while waiting. Stated once, here: the HTTP answers and the
 * webhook bodies both carry it.
 *
 * @param matchId   the match's id
 * @param status    {@code waiting} or {@code ready}
 * @param players   the players in join order
 * @param updatedAt UNIX seconds of the last change
 * @param readyAt   UNIX seconds it became ready; null (absent) while waiting
 */
@JsonPropertyOrder({"match_id", "status", "players", "updated_at", "ready_at"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchView(
        @JsonProperty("match_id") String matchId,
        @JsonProperty("status") String status,
        @JsonProperty("players") List<String> players,
        @JsonProperty("updated_at") long updatedAt,
        @JsonProperty("ready_at") Long readyAt) {

    /** {@code match} in the seed's shape. */
    public static MatchView of(Match match) {
        return new MatchView(
                match.id().value(),
                match.status().name().toLowerCase(Locale.ROOT),
                match.players().stream().map(PlayerId::value).toList(),
                match.updatedAt().getEpochSecond(),
                match.readyAt() == null ? null : match.readyAt().getEpochSecond());
    }
}
