package io.matchmaking.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The load generator's options, from {@code --name value} arguments.
 *
 * @param urls        base URLs; connections are spread over them round robin (two instances: two URLs)
 * @param connections concurrent keep-alive connections, one thread each
 * @param duration    how long the measured window lasts
 * @param warmup      how long to run before measuring
 * @param mix         weight of each operation
 * @param matchSize   the server's match size, for the invariant check
 * @param check       whether to check every acknowledged join at the end
 * @param runId       prefix of this run's player ids and queue, so runs never mix
 * @param cpuOf       processes whose CPU time over the measured window is reported per request, by name
 * @param queues      how many queues the joins are spread over (one: a single hot queue)
 * @param databaseCounters a JDBC URL whose server's counters over the measured window are reported per
 *                    join ({@link DatabaseCounters}), or empty
 */
record LoadOptions(List<URI> urls, int connections, Duration duration, Duration warmup,
        Map<Operation, Integer> mix, int matchSize, boolean check, String runId, Map<String, Long> cpuOf, int queues,
        Optional<String> databaseCounters) {

    static final String USAGE = """
            usage: LoadGenerator [--url http://127.0.0.1:8080[,http://127.0.0.1:8081]] [--connections 64]
                                 [--duration 10] [--warmup 3] [--mix join:100,status:0,longpoll:0]
                                 [--match-size 3] [--check true] [--run-id <random>]
                                 [--cpu server:<pid>[,database:<pid>...]] [--queues 1]
                                 [--database-counters jdbc:mysql://127.0.0.1:3306/?user=root]""";

    static LoadOptions parse(String[] args) {
        List<URI> urls = List.of(URI.create("http://127.0.0.1:8080"));
        int connections = 64;
        Duration duration = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(3);
        Map<Operation, Integer> mix = new EnumMap<>(Map.of(Operation.JOIN, 100));
        int matchSize = 3;
        boolean check = true;
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> cpuOf = Map.of();
        int queues = 1;
        Optional<String> databaseCounters = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i] + "\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> {
                    List<URI> parsed = new ArrayList<>();
                    for (String url : value.split(",")) {
                        parsed.add(URI.create(url.trim()));
                    }
                    urls = List.copyOf(parsed);
                }
                case "--connections" -> connections = Integer.parseInt(value);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--mix" -> mix = Operation.parseMix(value);
                case "--match-size" -> matchSize = Integer.parseInt(value);
                case "--check" -> check = Boolean.parseBoolean(value);
                case "--run-id" -> runId = value;
                case "--cpu" -> cpuOf = ProcessCpu.parse(value);
                case "--queues" -> queues = Integer.parseInt(value);
                case "--database-counters" -> databaseCounters = Optional.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (!mix.containsKey(Operation.JOIN) || mix.get(Operation.JOIN) <= 0) {
            throw new IllegalArgumentException("the mix needs joins: the other operations ask about joined matches");
        }
        if (queues < 1) {
            throw new IllegalArgumentException("--queues takes a count of at least 1");
        }
        return new LoadOptions(urls, connections, duration, warmup, mix, matchSize, check, runId, cpuOf, queues,
                databaseCounters);
    }

    /**
     * The queue of a connection's {@code sequence}-th join: with one queue the run's own, else the
     * joins of all connections go round the run's queues, each connection's in turn.
     */
    String queue(int connection, int sequence) {
        if (queues == 1) {
            return "bench-" + runId;
        }
        return "bench-" + runId + "-" + Math.floorMod(connection + (long) sequence * connections, queues);
    }
}
