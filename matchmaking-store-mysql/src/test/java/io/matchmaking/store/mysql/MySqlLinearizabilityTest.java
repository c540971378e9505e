package io.matchmaking.store.mysql;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.ObservedMatchmaker;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matchmaker on MySQL is linearizable, checked by Lincheck's stress mode: scenarios of solo and
 * party joins, leaves and reads run on real threads against the real database, each in names of
 * its own (one schema for all: a new database per scenario would take longer than the scenario).
 * Each scenario, and each replay of one by the checker, has a matchmaker of its own over that
 * schema, as a new instance of the server would: a matchmaker's own memory (the queues it knows to
 * be open, capped at 1,000) must not carry over from the thousands of scenarios before it.
 * Model checking is not run here: it would have to control every thread switch inside the JDBC
 * driver and the pool, and a socket read it cannot step through; the memory store's test runs it.
 */
@Param(name = "player", gen = IntGen.class, conf = "1:4")
@Param(name = "queue", gen = IntGen.class, conf = "1:2")
public class MySqlLinearizabilityTest {

    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static MySqlContract mysql;
    private static MatchRepository repository;

    private final ObservedMatchmaker matchmaker =
            new ObservedMatchmaker(Matchmaker.builder(repository).build(), "s" + SCENARIOS.incrementAndGet());

    @BeforeAll
    static void database() {
        mysql = new MySqlContract(4);
        repository = mysql.freshRepository();
    }

    @AfterAll
    static void dropDatabase() {
        if (mysql != null) {
            mysql.close();
        }
    }

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
        new StressOptions().iterations(12).invocationsPerIteration(40).threads(2).actorsPerThread(3).check(getClass());
    }
}
