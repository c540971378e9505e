package io.matchmaking.store.mysql;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;

/**
 * The marker each writing unit leaves in its own transaction ({@code mm_unit}): its presence on
 * another connection, once the unit's session is gone, is the proof that the unit committed.
 * Ids are UUIDv7 text, time-ordered, so old markers go by a primary-key range.
 */
final class UnitMarkers {

    /**
     * How long markers are kept. They are read seconds after their unit at most. Ids are stamped,
     * and old ones purged, by the database's clock, so instances whose clocks differ agree.
     */
    static final Duration RETENTION = Duration.ofMinutes(15);
    static final int PURGE_BATCH = 5_000;

    private UnitMarkers() {
    }

    /** A new unit's id: 48 bits of milliseconds of the database's {@code now}, then random bits, as UUID version 7. */
    static String newId(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (now.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** The smallest id a unit stamped at {@code time} can have: every older marker sorts before it. */
    static String firstIdAt(Instant time) {
        return new UUID(time.toEpochMilli() << 16, 0).toString();
    }

    static void leave(Handle handle, String unitId) {
        handle.createUpdate("INSERT INTO mm_unit (unit_id) VALUES (:id)").bind("id", unitId).execute();
    }

    /** Deletes markers older than {@link #RETENTION} before {@code now}, a batch at a time; how many. */
    static int purge(Handle handle, Instant now) {
        return handle.createUpdate("DELETE FROM mm_unit WHERE unit_id < :first ORDER BY unit_id LIMIT " + PURGE_BATCH)
                .bind("first", firstIdAt(now.minus(RETENTION)))
                .execute();
    }
}
