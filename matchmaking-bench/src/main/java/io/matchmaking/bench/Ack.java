package io.matchmaking.bench;

/**
 * A join the server answered 200: the player, the queue it joined and the match the answer named.
 *
 * @param player  the player id
 * @param queue   the queue joined
 * @param matchId the match id of the answer
 */
record Ack(String player, String queue, String matchId) {
}
