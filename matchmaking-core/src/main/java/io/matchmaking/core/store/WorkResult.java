package io.matchmaking.core.store;

import java.util.Objects;

/**
 * What a {@link QueueWork} decided: the changes a store commits atomically, and the answer
 * the caller gets once they are committed.
 *
 * @param changes what to write
 * @param answer  what to return after the commit
 * @param <T>     the answer's type
 */
public record WorkResult<T>(QueueChanges changes, T answer) {

    /** Rejects a missing change set. */
    public WorkResult {
        Objects.requireNonNull(changes, "changes");
    }

    /** An answer that needs no write. */
    public static <T> WorkResult<T> readOnly(T answer) {
        return new WorkResult<>(QueueChanges.NONE, answer);
    }
}
