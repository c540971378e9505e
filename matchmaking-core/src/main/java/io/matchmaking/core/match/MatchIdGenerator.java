package io.matchmaking.core.match;

import java.util.UUID;

/** Where new match ids come from; injected so tests can name matches and servers can use time-ordered ids. */
@FunctionalInterface
public interface MatchIdGenerator {

    /** A fresh id, never returned before. */
    MatchId next();

    /** Random (version 4) UUIDs from the JDK: unique, but not time-ordered. */
    static MatchIdGenerator randomUuids() {
        return () -> MatchId.of(UUID.randomUUID().toString());
    }
}
