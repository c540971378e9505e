package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TimeOrderedMatchIdsTest {

    private final TimeOrderedMatchIds ids = new TimeOrderedMatchIds();

    @Test
    void idsAreVersion7UuidsCarryingTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(ids.next().value());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void idsFromManyThreadsAreUniqueAndIncreasingWithinEachThread() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> makers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                makers.add(() -> {
                    List<String> made = new ArrayList<>();
                    for (int i = 0; i < 10_000; i++) {
                        made.add(ids.next().value());
                    }
                    return made;
                });
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> made : threads.invokeAll(makers)) {
                List<String> own = made.get();
                assertThat(own).isSortedAccordingTo(String::compareTo);
                all.addAll(own);
            }
            assertThat(all).hasSize(80_000);
        } finally {
            threads.shutdownNow();
        }
    }
}
