package io.matchmaking.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the process may open as many files as {@code MATCHMAKING_MAX_CONNECTIONS} promises: every
 * connection is a file descriptor, and one accepted beyond the process's limit fails inside Jetty
 * ("Too many open files") instead of getting the cap's clear 503. Held long polls are where this
 * bites: 20,000 of them need 20,000 descriptors, and many systems default to 1,024 or 20,000.
 * It warns rather than refuses: the default cap is more than a laptop's default limit, and a server
 * started there for a try must still start.
 */
final class FileDescriptorBudget {

    /** Descriptors the process holds besides connections: its jars, logs, selectors, database pool. */
    static final int BESIDES_CONNECTIONS = 256;

    private FileDescriptorBudget() {
    }

    /** The descriptors {@code maxConnections} needs: accepting pauses 10 % (at least 16) above the cap. */
    static long needed(int maxConnections) {
        return maxConnections + Math.max(16, maxConnections / 10) + BESIDES_CONNECTIONS;
    }

    /** What to warn of, if {@code openable} descriptors are fewer than the cap needs. */
    static Optional<String> warning(int maxConnections, long openable) {
        if (openable >= needed(maxConnections)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "MATCHMAKING_MAX_CONNECTIONS=%d needs about %d open files and this process may open %d (ulimit -n):"
                        + " connections beyond about %d will fail to be accepted; raise the limit or lower the cap",
                maxConnections, needed(maxConnections), openable, Math.max(0, openable - BESIDES_CONNECTIONS)));
    }

    /** The process's open-file limit, where the JVM tells it (Unix). */
    static OptionalLong openableFiles() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }
}
