package io.matchmaking.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Player ids that all share one {@code String.hashCode}: "Aa" and "BB" hash alike, and so does any
 * string made of such blocks. What a client who wants to slow hash maps down would send.
 */
final class CollidingIds {

    private static final int BLOCKS = 16;

    private CollidingIds() {
    }

    /** {@code count} (at most 65,536) distinct ids of 32 characters, all with the same hash code. */
    static List<String> first(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder id = new StringBuilder(2 * BLOCKS);
            for (int block = 0; block < BLOCKS; block++) {
                id.append((n >>> block & 1) == 0 ? "Aa" : "BB");
            }
            ids.add(id.toString());
        }
        return ids;
    }
}
