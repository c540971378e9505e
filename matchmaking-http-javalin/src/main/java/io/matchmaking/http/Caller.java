package io.matchmaking.http;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request, as its credential proves (API.md "Identity"), and the one place that says
 * what each may do: the game's backend (the server credential, or anyone when the API is open)
 * acts for every player; a player token acts only as its own player.
 */
sealed interface Caller {

    /** The game's backend, proven by the server credential. */
    Caller SERVER = new Server(true);

    /** Anyone, while no credential is configured (development): acts as the server, limited as a client. */
    Caller ANYONE = new Server(false);

    /**
     * The player this request acts as: {@code named} (the body's {@code id}) for the server, which
     * must name one; the token's own player for a player token, which may omit it but not name another.
     */
    PlayerId actingAs(Optional<PlayerId> named);

    /** Whether this caller may see {@code match} (a player: only a match they are in). */
    boolean maySee(Match match);

    /** Whether this caller may place {@code members} in a match together with the player it acts as. */
    boolean mayQueueWith(List<PlayerId> members);

    /** Whether this caller may ask where {@code player} is. */
    boolean mayAskAbout(PlayerId player);

    /** Whether this caller may read every queue's figures ({@code GET /queues}). */
    boolean mayReadQueues();

    /**
     * The game's backend: acts for anyone.
     *
     * @param credentialed whether it proved it with the server credential (else the API is open)
     */
    record Server(boolean credentialed) implements Caller {

        @Override
        public PlayerId actingAs(Optional<PlayerId> named) {
            return named.orElseThrow(() -> ApiException.badRequest("id is required"));
        }

        @Override
        public boolean maySee(Match match) {
            return true;
        }

        @Override
        public boolean mayQueueWith(List<PlayerId> members) {
            return true;
        }

        @Override
        public boolean mayAskAbout(PlayerId player) {
            return true;
        }

        @Override
        public boolean mayReadQueues() {
            return true;
        }
    }

    /**
     * A player, proven by a token the game's backend signed.
     *
     * @param id    the token's {@code sub}
     * @param party the token's {@code party} claim: the members (this player among them) it may
     *              queue with; empty when the token has none
     */
    record Player(PlayerId id, List<PlayerId> party) implements Caller {

        public Player {
            Objects.requireNonNull(id, "id");
            party = List.copyOf(party);
        }

        @Override
        public PlayerId actingAs(Optional<PlayerId> named) {
            if (named.isPresent() && !named.get().equals(id)) {
                throw ApiException.forbidden("a player token acts only as its own player");
            }
            return id;
        }

        @Override
        public boolean maySee(Match match) {
            return match.contains(id);
        }

        /** Only players the game's backend signed into this token's {@code party} claim. */
        @Override
        public boolean mayQueueWith(List<PlayerId> members) {
            return party.containsAll(members);
        }

        @Override
        public boolean mayAskAbout(PlayerId player) {
            return id.equals(player);
        }

        @Override
        public boolean mayReadQueues() {
            return false;
        }
    }
}
