package io.matchmaking.store.memory;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.testkit.ObservedMatchmaker;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * The matchmaker on the memory store is linearizable: every concurrent history of solo and party
 * joins, leaves and reads over a few players and two queues answers as some one-at-a-time order
 * of the same calls would. Checked by Lincheck, both by running scenarios on real threads (stress)
 * and by exploring their interleavings systematically (model checking). Matches of three, so two
 * players wait and a third makes a match ready within a scenario.
 */
@Param(name = "player", gen = IntGen.class, conf = "1:4")
@Param(name = "queue", gen = IntGen.class, conf = "1:2")
public class InMemoryLinearizabilityTest {

    private final ObservedMatchmaker matchmaker =
            new ObservedMatchmaker(Matchmaker.builder(new InMemoryMatchRepository()).build(), "m");

    @Operation
    public String join(@Param(name = "player") int player, @Param(name = "queue") int queue) {
        return matchmaker.join(player, queue);
    }

    @Operation
    public String joinParty(@Param(name = "player") int player, @Param(name = "player") int member,
            @Param(name = "queue") int queue) {
        return matchmaker.joinParty(player, member, queue);
    }

    @Operation
    public String leave(@Param(name = "player") int player) {
        return matchmaker.leave(player);
    }

    @Operation
    public String where(@Param(name = "player") int player) {
        return matchmaker.where(player);
    }

    @Test
    void stress() {
        new StressOptions().iterations(30).invocationsPerIteration(1_000).threads(2).actorsPerThread(3).check(getClass());
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().iterations(6).invocationsPerIteration(100).threads(2).actorsPerThread(3)
                .check(getClass());
    }
}
