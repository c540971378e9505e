package io.matchmaking.core.store;

/**
 * Logic the core runs atomically for one queue. It reads through the {@link QueueReads} and
 * returns its result with the changes to commit; it must have no other effect, because the core
 * may run it again (after a conflict or a deadlock) before one attempt commits.
 *
 * @param <T> what the work answers
 */
@FunctionalInterface
public interface QueueWork<T> {

    /** Decides, from what {@code reads} answers, what to change and what to answer. */
    WorkResult<T> decide(QueueReads reads);
}
