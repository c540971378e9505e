package io.matchmaking.core.testkit;

import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.MatchIdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Match ids {@code m-000001}, {@code m-000002}, ...: predictable, and sorted in creation order. */
public final class SequentialMatchIds implements MatchIdGenerator {

    private final AtomicLong next = new AtomicLong();

    @Override
    public MatchId next() {
        return MatchId.of(String.format("m-%06d", next.incrementAndGet()));
    }
}
