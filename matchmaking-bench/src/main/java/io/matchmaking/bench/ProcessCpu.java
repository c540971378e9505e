package io.matchmaking.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time processes of this machine have used (a server, the database), read by the load
 * generator as its measured window opens and closes: what a request costs a server does not depend
 * on how fast the client is, where requests per second on a shared 2-core machine do.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** {@code server:1234,database:5678} as names and pids, in the order given. */
    static Map<String, Long> parse(String value) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String named : value.split(",")) {
            int colon = named.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--cpu takes name:pid[,name:pid...], not " + value);
            }
            pids.put(named.substring(0, colon).trim(), Long.parseLong(named.substring(colon + 1).trim()));
        }
        return pids;
    }

    /** The CPU time each named process has used so far (user and system). */
    static Map<String, Duration> used(Map<String, Long> pids) {
        Map<String, Duration> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> used.put(name, ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for " + name + " (pid " + pid + "): is it running here?"))));
        return used;
    }
}
