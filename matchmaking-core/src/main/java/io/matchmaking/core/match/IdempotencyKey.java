package io.matchmaking.core.match;

/**
 * A client's name for one request it may send more than once (draft-ietf-httpapi-idempotency-key-header):
 * 1..64 characters of {@code A-Z a-z 0-9 . _ : @ -}, a UUID for instance.
 *
 * @param value the key as the client sent it
 */
public record IdempotencyKey(String value) implements Comparable<IdempotencyKey> {

    /** Validates the key; an invalid one is an {@link IllegalArgumentException}. */
    public IdempotencyKey {
        Identifiers.requireValid(value, "Idempotency-Key");
    }

    /** The key {@code value}. */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    /** Whether {@code value} is a valid key. */
    public static boolean isValid(String value) {
        return Identifiers.isValid(value);
    }

    /** By text (why ids are comparable: {@link Identifiers}). */
    @Override
    public int compareTo(IdempotencyKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
