package io.matchmaking.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code MATCHMAKING_*} variable the server reads ({@link EnvironmentReader} refuses to read
 * any other, so this list cannot fall behind), and what to say of the ones set but not known: a
 * misspelt {@code MATCHMAKING_MATCHSIZE=4} used to be ignored without a word.
 */
final class KnownVariables {

    static final String PREFIX = "MATCHMAKING_";

    static final Set<String> NAMES = Set.of(
            "MATCHMAKING_PORT", "MATCHMAKING_ADMIN_PORT", "MATCHMAKING_STORE",
            "MATCHMAKING_MYSQL_URL", "MATCHMAKING_MYSQL_USER", "MATCHMAKING_MYSQL_PASSWORD", "MATCHMAKING_MYSQL_POOL_SIZE",
            "MATCHMAKING_MATCH_SIZE", "MATCHMAKING_WAIT_TIMEOUT", "MATCHMAKING_MATCH_RETENTION",
            "MATCHMAKING_QUEUES", "MATCHMAKING_MAX_QUEUES",
            "MATCHMAKING_SWEEP_INTERVAL", "MATCHMAKING_SHUTDOWN_TIMEOUT", "MATCHMAKING_API_TOKEN",
            "MATCHMAKING_JWT_SECRET", "MATCHMAKING_JWT_JWKS_URL", "MATCHMAKING_JWT_ISSUER", "MATCHMAKING_JWT_AUDIENCE",
            "MATCHMAKING_LOG_FORMAT", "MATCHMAKING_HTTP_THREADS", "MATCHMAKING_REQUEST_DEADLINE",
            "MATCHMAKING_READ_TIMEOUT", "MATCHMAKING_MAX_CONNECTIONS", "MATCHMAKING_MAX_LONG_POLLS",
            "MATCHMAKING_PLAYER_RATE_LIMIT", "MATCHMAKING_ADDRESS_RATE_LIMIT", "MATCHMAKING_TRUSTED_PROXIES",
            "MATCHMAKING_WEBHOOK_URL", "MATCHMAKING_WEBHOOK_SECRET", "MATCHMAKING_WEBHOOK_EVENTS",
            "MATCHMAKING_WEBHOOK_TIMEOUT", "MATCHMAKING_WEBHOOK_RETRY_FOR");

    /**
     * A suggestion is made only this close (edits per character of the name after the prefix, which
     * all share): closer is a typo, farther a guess.
     */
    private static final double MOST_EDITS_PER_CHARACTER = 0.25;

    private KnownVariables() {
    }

    /** The {@code MATCHMAKING_*} names in {@code env} that the server does not know, sorted. */
    static List<String> unknownIn(Map<String, String> env) {
        return env.keySet().stream().filter(name -> name.startsWith(PREFIX) && !NAMES.contains(name)).sorted().toList();
    }

    /** The one line the server logs for an unknown variable. */
    static String warning(String unknown) {
        return unknown + " is not a setting of this server and is ignored"
                + closest(unknown).map(known -> "; did you mean " + known + "?").orElse("");
    }

    /** The known name fewest edits away, if it is close enough to be a typo of {@code unknown}. */
    static Optional<String> closest(String unknown) {
        String suffix = unknown.substring(PREFIX.length());
        String best = null;
        int fewest = Integer.MAX_VALUE;
        for (String known : NAMES) {
            int edits = editDistance(suffix, known.substring(PREFIX.length()));
            if (edits < fewest || (edits == fewest && known.compareTo(best) < 0)) {
                best = known;
                fewest = edits;
            }
        }
        return fewest <= Math.max(1, (int) (suffix.length() * MOST_EDITS_PER_CHARACTER)) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance (insert, delete, replace one character), two rows at a time. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
