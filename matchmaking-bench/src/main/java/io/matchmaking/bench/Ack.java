package io.matchmaking.bench;

/**
 * A join the server answered 200: the player and the match the answer named.
 *
 * @param player  the player id
 * @param matchId the match id of the answer
 */
record Ack(String player, String matchId) {
}
