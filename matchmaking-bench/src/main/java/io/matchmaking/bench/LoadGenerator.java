package io.matchmaking.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The HTTP load generator: N keep-alive connections send a mix of joins, status reads and long
 * polls to one or more instances for a fixed time, then it reports throughput and latency
 * percentiles (HdrHistogram), the CPU each process named by {@code --cpu} used per request over the
 * measured window, and checks every acknowledged join (see {@link InvariantCheck}).
 * Exits 1 on any error or violation.
 *
 * <pre>java -cp matchmaking-bench/target/matchmaking-bench.jar io.matchmaking.bench.LoadGenerator --url http://127.0.0.1:8080</pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        int exit = run(options, System.out);
        System.exit(exit);
    }

    /** The CPU time of the processes to measure, and the database's counters, at a moment of the run. */
    private record Reading(Map<String, Duration> cpu, Map<String, Long> database) {

        static Reading of(LoadOptions options) {
            return new Reading(ProcessCpu.used(options.cpuOf()),
                    options.databaseCounters().map(DatabaseCounters::read).orElse(Map.of()));
        }

        /** The reading as the measured window opens at {@code nanoTime}. */
        static Reading at(long nanoTime, LoadOptions options) throws InterruptedException {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            return of(options);
        }
    }

    /** Runs the load and the check, prints the report; answers the exit status. */
    static int run(LoadOptions options, PrintStream out) throws Exception {
        long start = System.nanoTime();
        long warmupEndsAt = start + options.warmup().toNanos();
        long endsAt = warmupEndsAt + options.duration().toNanos();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            URI url = options.urls().get(i % options.urls().size());
            Worker worker = new Worker(i, url, options, warmupEndsAt, endsAt);
            workers.add(worker);
            Thread thread = new Thread(worker, "load-" + i);
            threads.add(thread);
            thread.start();
        }
        Reading before = Reading.at(warmupEndsAt, options);
        for (Thread thread : threads) {
            thread.join();
        }
        Reading after = Reading.of(options);
        Histogram latency = new Histogram(60_000_000L, 3);
        long requests = 0;
        long errors = 0;
        long joins = 0;
        long measuredJoins = 0;
        String firstError = null;
        for (Worker worker : workers) {
            latency.add(worker.latencyMicros);
            requests += worker.measuredRequests;
            errors += worker.errors;
            joins += worker.acks.size();
            measuredJoins += worker.measuredJoins;
            firstError = firstError == null ? worker.firstError : firstError;
        }
        double seconds = options.duration().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "urls=%s connections=%d mix=%s duration=%ds warmup=%ds%n", options.urls(),
                options.connections(), options.mix(), options.duration().toSeconds(), options.warmup().toSeconds());
        out.printf(Locale.ROOT, "throughput: %.0f req/s (%d requests measured, %d joins acknowledged, %d errors)%n",
                requests / seconds, requests, joins, errors);
        out.printf(Locale.ROOT, "latency ms: p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f%n",
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0,
                latency.getMaxValue() / 1000.0);
        if (!after.cpu().isEmpty()) {
            StringBuilder line = new StringBuilder("cpu per request:");
            long measured = Math.max(requests, 1);
            after.cpu().forEach((name, used) -> line.append(String.format(Locale.ROOT, " %s=%.1fus", name,
                    used.minus(before.cpu().get(name)).toNanos() / 1000.0 / measured)));
            out.println(line);
        }
        if (options.databaseCounters().isPresent()) {
            out.println(DatabaseCounters.perJoin(before.database(), after.database(), measuredJoins));
        }
        if (firstError != null) {
            out.println("first error: " + firstError);
        }
        int exit = errors == 0 ? 0 : 1;
        if (options.check()) {
            List<List<Ack>> acks = workers.stream().map(worker -> worker.acks).toList();
            List<String> violations = InvariantCheck.run(options.urls().get(0), acks, options.matchSize());
            out.printf("invariants: %d acknowledged joins checked, %d violations%n", joins, violations.size());
            violations.stream().limit(20).forEach(violation -> out.println("  " + violation));
            if (!violations.isEmpty()) {
                exit = 1;
            }
        }
        return exit;
    }
}
