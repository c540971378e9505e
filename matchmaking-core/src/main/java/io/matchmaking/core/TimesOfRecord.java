package io.matchmaking.core;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.store.QueueReads;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where the times of record come from ({@code updatedAt}, {@code readyAt}, joins, the expiry and
 * purge cut-offs): the store's clock when it has one (a database that every instance shares, read in
 * a statement the unit makes anyway), else this instance's. So instances whose clocks differ by
 * minutes behave as one: none stamps the future, none expires a player early. A matchmaker whose
 * clock is meant to rule (tests driving a manual clock) overrides the store's.
 */
final class TimesOfRecord {

    private final Clock clock;
    private final boolean overridesStore;

    TimesOfRecord(Clock clock, boolean overridesStore) {
        this.clock = clock;
        this.overridesStore = overridesStore;
    }

    /** The time of record of a unit of work. */
    Instant of(QueueReads unit) {
        return pick(overridesStore ? Optional.empty() : unit.now());
    }

    /** Now, for work outside a unit (the sweep's cut-offs, the age of waits); may cost the store a read. */
    Instant now(MatchRepository repository) {
        return pick(overridesStore ? Optional.empty() : repository.now());
    }

    /** Every store keeps milliseconds, so the core never produces finer times than a store can keep. */
    private Instant pick(Optional<Instant> store) {
        return store.orElseGet(clock::instant).truncatedTo(ChronoUnit.MILLIS);
    }
}
