package io.matchmaking.bench;

import io.matchmaking.core.JoinResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.store.memory.InMemoryMatchRepository;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Joins per second of the core on the memory store, one and two threads, each join a new
 * player. Ready matches are purged after every iteration so the heap stays flat.
 *
 * <pre>java -jar matchmaking-bench/target/matchmaking-bench.jar MatchmakerJoinBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchmakerJoinBenchmark {

    private final AtomicLong players = new AtomicLong();
    private Matchmaker matchmaker;

    @Setup(Level.Trial)
    public void start() {
        matchmaker = Matchmaker.builder(new InMemoryMatchRepository())
                .rules(MatchmakingRules.DEFAULT.withRetention(Duration.ZERO))
                .build();
    }

    @TearDown(Level.Iteration)
    public void purge() {
        matchmaker.sweep();
    }

    @Benchmark
    @Threads(1)
    public JoinResult joinOneThread() {
        return matchmaker.join(PlayerId.of("p" + players.incrementAndGet()));
    }

    @Benchmark
    @Threads(2)
    public JoinResult joinTwoThreads() {
        return matchmaker.join(PlayerId.of("p" + players.incrementAndGet()));
    }
}
