package io.matchmaking.core;

import io.matchmaking.core.match.PlayerId;

/**
 * A join named a player who already waits, other than as this very ticket waiting again (a party
 * member who waits alone or in another party, or a solo player who waits in a party): nothing
 * changed (HTTP 409). A party waits as it was placed; a member's leave removes it, and then it may
 * join in another shape.
 */
public class PartyMemberWaitingException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    /** {@code member} already waits. */
    public PartyMemberWaitingException(PlayerId member) {
        super("party member already waiting: " + member);
    }
}
