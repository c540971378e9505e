package io.matchmaking.core.testkit;

import io.matchmaking.core.match.PlayerId;
import java.util.List;
import java.util.stream.IntStream;

/** Test players with readable names. */
public final class Players {

    private Players() {
    }

    /** {@code p1} ... {@code p<count>}. */
    public static List<PlayerId> numbered(int count) {
        return named("p", count);
    }

    /** {@code <prefix>1} ... {@code <prefix><count>}. */
    public static List<PlayerId> named(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> PlayerId.of(prefix + i)).toList();
    }

    /** The player named {@code name}. */
    public static PlayerId player(String name) {
        return PlayerId.of(name);
    }
}
