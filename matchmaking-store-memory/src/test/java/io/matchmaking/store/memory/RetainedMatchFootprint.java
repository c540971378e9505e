package io.matchmaking.store.memory;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.MatchIdGenerator;
import io.matchmaking.core.match.PlayerId;
import java.lang.management.ManagementFactory;

/**
 * Measures the heap one retained ready match costs in the memory store (3 players with ids like
 * {@code player-123456}, UUID match ids). Not a test: run it by hand, see docs/benchmarks.md.
 */
public final class RetainedMatchFootprint {

    private RetainedMatchFootprint() {
    }

    public static void main(String[] args) {
        int matches = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        InMemoryMatchRepository repository = new InMemoryMatchRepository();
        Matchmaker matchmaker = Matchmaker.builder(repository)
                .matchIds(MatchIdGenerator.randomUuids()).build();
        matchmaker.join(PlayerId.of("warm-up"));
        long before = usedHeapAfterGc();
        for (int i = 0; i < matches * 3; i++) {
            matchmaker.join(PlayerId.of(String.format("player-%06d", i)));
        }
        long after = usedHeapAfterGc();
        System.out.printf("%d ready matches retained: %d bytes each%n",
                repository.sizes().readyOrder(), (after - before) / matches);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
