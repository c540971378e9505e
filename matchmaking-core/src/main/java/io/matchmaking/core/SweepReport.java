package io.matchmaking.core;

/**
 * What one housekeeping pass removed.
 *
 * @param expiredPlayers      waiting players past the wait timeout
 * @param purgedReadyMatches  ready matches past retention
 * @param deletedEmptyMatches waiting matches left empty for longer than the retention
 */
public record SweepReport(int expiredPlayers, int purgedReadyMatches, int deletedEmptyMatches) {
}
