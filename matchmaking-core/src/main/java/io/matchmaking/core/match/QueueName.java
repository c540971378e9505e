package io.matchmaking.core.match;

/**
 * An independent FIFO queue with its own single waiting match; same charset as {@link PlayerId}.
 *
 * @param value the queue's name
 */
public record QueueName(String value) implements Comparable<QueueName> {

    /** The queue a join goes to when it names none. */
    public static final QueueName DEFAULT = new QueueName("default");

    /** Validates the name; an invalid one is an {@link IllegalArgumentException}. */
    public QueueName {
        Identifiers.requireValid(value, "queue");
    }

    /** The queue named {@code value}. */
    public static QueueName of(String value) {
        return new QueueName(value);
    }

    /** Whether {@code value} is a valid queue name. */
    public static boolean isValid(String value) {
        return Identifiers.isValid(value);
    }

    /** By text (why ids are comparable: {@link Identifiers}). */
    @Override
    public int compareTo(QueueName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
