package io.matchmaking.core;

import io.matchmaking.core.match.QueueName;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which queues a join may name. Every queue with waiting players costs a waiting match, its rows
 * and its metric series, and clients choose the names: a game lists its queues, or the number
 * open at once is capped.
 *
 * @param allowed       when present, the only queues a join may name ({@link QueueNotAllowedException} otherwise)
 * @param maxOpenQueues without an allow-list, how many queues may have waiting players at once; a
 *                      join that would open one more is {@link TooManyQueuesException}
 */
public record QueueLimits(Optional<Set<QueueName>> allowed, int maxOpenQueues) {

    public static final int DEFAULT_MAX_OPEN_QUEUES = 1_000;

    /** Any queue, up to {@value #DEFAULT_MAX_OPEN_QUEUES} open at once. */
    public static final QueueLimits DEFAULT = new QueueLimits(Optional.empty(), DEFAULT_MAX_OPEN_QUEUES);

    public QueueLimits {
        allowed = Objects.requireNonNull(allowed, "allowed").map(Set::copyOf);
        if (allowed.isPresent() && allowed.get().isEmpty()) {
            throw new IllegalArgumentException("an allow-list needs at least one queue");
        }
        if (maxOpenQueues < 1) {
            throw new IllegalArgumentException("at least one queue must be allowed to open");
        }
    }

    /** Only {@code queues}. */
    public static QueueLimits only(Set<QueueName> queues) {
        return new QueueLimits(Optional.of(queues), DEFAULT_MAX_OPEN_QUEUES);
    }

    /** Any queue, up to {@code most} open at once. */
    public static QueueLimits atMostOpen(int most) {
        return new QueueLimits(Optional.empty(), most);
    }
}
