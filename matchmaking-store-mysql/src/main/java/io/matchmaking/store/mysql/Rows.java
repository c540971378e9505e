package io.matchmaking.store.mysql;

import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchStatus;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.WaitingPlayer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Between rows and domain values: the only place that knows the column layout. */
final class Rows {

    /**
     * The database's clock as UTC epoch milliseconds, whatever the session's time zone: the one
     * clock every instance shares, so that skewed instances stamp and expire alike.
     */
    static final String DATABASE_NOW = "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000";


    static final String MATCH_COLUMNS = "match_id, queue, size, status, players, updated_at, ready_at, version";
    static final String WAITING_COLUMNS = "player_id, queue, match_id, joined_at, last_join_at, ticket";

    static final String RECORD_COLUMNS = "player_id, idem_key, request, match_id, created_at";

    static final RowMapper<Match> MATCH = Rows::match;
    static final RowMapper<WaitingPlayer> WAITING = Rows::waiting;
    static final RowMapper<IdempotencyRecord> RECORD = Rows::record;

    private Rows() {
    }

    private static Match match(ResultSet rs, StatementContext ctx) throws SQLException {
        long readyAt = rs.getLong("ready_at");
        Instant ready = rs.wasNull() ? null : Instant.ofEpochMilli(readyAt);
        return new Match(
                MatchId.of(rs.getString("match_id")),
                QueueName.of(rs.getString("queue")),
                rs.getInt("size"),
                MatchStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                players(rs.getString("players")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                ready,
                rs.getLong("version"));
    }

    private static WaitingPlayer waiting(ResultSet rs, StatementContext ctx)
            throws SQLException {
        return new WaitingPlayer(
                PlayerId.of(rs.getString("player_id")),
                QueueName.of(rs.getString("queue")),
                MatchId.of(rs.getString("match_id")),
                Instant.ofEpochMilli(rs.getLong("joined_at")),
                Instant.ofEpochMilli(rs.getLong("last_join_at")),
                ticket(rs.getString("ticket"), rs.getString("player_id")));
    }

    /** A place written before tickets existed is its player's own. */
    private static PlayerId ticket(String ticket, String player) {
        return PlayerId.of(ticket == null ? player : ticket);
    }

    private static IdempotencyRecord record(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IdempotencyRecord(
                new IdempotencyRecord.Id(PlayerId.of(rs.getString("player_id")), IdempotencyKey.of(rs.getString("idem_key"))),
                rs.getString("request"),
                MatchId.of(rs.getString("match_id")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** Players are stored space-separated: ids cannot contain a space. */
    static String players(List<PlayerId> players) {
        return players.stream().map(PlayerId::value).collect(Collectors.joining(" "));
    }

    static List<PlayerId> players(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.stream(stored.split(" ")).map(PlayerId::of).toList();
    }

    static String status(Match match) {
        return match.status().name().toLowerCase(Locale.ROOT);
    }

    static Long readyAt(Match match) {
        return match.readyAt() == null ? null : match.readyAt().toEpochMilli();
    }
}
