package io.matchmaking.core.match;

/**
 * A player, as the game backend names it: 1..64 characters of {@code A-Z a-z 0-9 . _ : @ -}.
 *
 * @param value the id as given by the client
 */
public record PlayerId(String value) implements Comparable<PlayerId> {

    /** Validates the id; an invalid one is an {@link IllegalArgumentException}. */
    public PlayerId {
        Identifiers.requireValid(value, "player id");
    }

    /** The player named {@code value}. */
    public static PlayerId of(String value) {
        return new PlayerId(value);
    }

    /** Whether {@code value} is a valid player id, for callers that validate before they construct. */
    public static boolean isValid(String value) {
        return Identifiers.isValid(value);
    }

    /** By text (why ids are comparable: {@link Identifiers}). */
    @Override
    public int compareTo(PlayerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
