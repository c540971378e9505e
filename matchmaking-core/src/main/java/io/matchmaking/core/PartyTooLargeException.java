package io.matchmaking.core;

/** A party larger than the queue's match size can never be placed in one match: nothing changed (HTTP 400). */
public class PartyTooLargeException extends MatchmakingException {

    private static final long serialVersionUID = 1L;

    /** A party of {@code size} players, in a queue whose matches hold {@code matchSize}. */
    public PartyTooLargeException(int size, int matchSize) {
        super("a party of " + size + " players does not fit a match of " + matchSize);
    }
}
