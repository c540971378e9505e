package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.store.IdempotencyRecord;
import io.matchmaking.core.store.QueueReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The idempotency records one unit of work reads (one batched read, only when a request carries a
 * key) and the ones it adds: a request whose key was served before answers from its record, a new
 * one records what it answered, in the same unit as its change.
 */
final class UnitRecords {

    private final Map<IdempotencyRecord.Id, IdempotencyRecord> known;
    private final List<IdempotencyRecord> written = new ArrayList<>();

    private UnitRecords(Map<IdempotencyRecord.Id, IdempotencyRecord> known) {
        this.known = new HashMap<>(known);
    }

    /** The records of {@code ids} as {@code unit} reads them; no read when there are none. */
    static UnitRecords read(QueueReads unit, Set<IdempotencyRecord.Id> ids) {
        return new UnitRecords(ids.isEmpty() ? Map.of() : unit.idempotencyRecords(ids));
    }

    /** The record of a keyed request, read or written by this unit. */
    Optional<IdempotencyRecord> of(Optional<IdempotencyRecord.Id> id) {
        return id.map(known::get);
    }

    /** Records that the keyed request {@code id}, which asked {@code asked}, answered {@code match}. */
    void record(Optional<IdempotencyRecord.Id> id, String asked, Match match, Instant now) {
        id.ifPresent(key -> {
            IdempotencyRecord record = new IdempotencyRecord(key, asked, match.id(), now);
            known.put(key, record);
            written.add(record);
        });
    }

    /**
     * The match that the earlier request with this key answered, as it is now; empty when the key
     * is new, or that match is gone (purged with the retention that is about to take the record).
     *
     * @throws IdempotencyKeyReusedException when the key was served for another request
     */
    Optional<Match> replayed(Optional<IdempotencyRecord.Id> id, String asked, QueueReads unit) {
        Optional<IdempotencyRecord> earlier = of(id);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().request().equals(asked)) {
            throw new IdempotencyKeyReusedException(earlier.get().request());
        }
        return unit.match(earlier.get().match());
    }

    /** What this unit adds to the store. */
    List<IdempotencyRecord> written() {
        return List.copyOf(written);
    }
}
