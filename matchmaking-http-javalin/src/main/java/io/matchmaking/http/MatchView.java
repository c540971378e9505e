package io.matchmaking.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shape of a match that game clients rely on (the seed contract): snake_case, UNIX
 * seconds, and {@code ready_at} absent while waiting.
 */
@JsonPropertyOrder({"match_id", "status", "players", "updated_at", "ready_at"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record MatchView(
        @JsonProperty("match_id") String matchId,
        @JsonProperty("status") String status,
        @JsonProperty("players") List<String> players,
        @JsonProperty("updated_at") long updatedAt,
        @JsonProperty("ready_at") Long readyAt) {

    static MatchView of(Match match) {
        return new MatchView(
                match.id().value(),
                match.status().name().toLowerCase(Locale.ROOT),
                match.players().stream().map(PlayerId::value).toList(),
                match.updatedAt().getEpochSecond(),
                match.readyAt() == null ? null : match.readyAt().getEpochSecond());
    }
}
