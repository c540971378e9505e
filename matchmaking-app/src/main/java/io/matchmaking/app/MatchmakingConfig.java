package io.matchmaking.app;

import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.QueueLimits;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.match.Match;
import io.matchmaking.http.HttpLimits;
import io.matchmaking.http.MatchmakingHttpServer;
import io.matchmaking.http.PlayerTokenSettings;
import io.matchmaking.http.TrustedProxies;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's configuration, read from {@code MATCHMAKING_*} environment variables and validated
 * when read (see the table in README.md). A bad value is a {@link ConfigException} naming the
 * variable and what it must be.
 *
 * @param port            API port; 0 picks a free one
 * @param adminPort       metrics and health port; empty serves them on the API port
 * @param store           memory or mysql
 * @param mysql           connection settings; present exactly when the store is mysql
 * @param rules           match size, wait timeout, retention
 * @param queueLimits     which queues joins may name: an allow-list, or a cap on queues open at once
 * @param shutdownTimeout how long in-flight requests may take to finish on shutdown
 * @param sweepInterval   how often expiry and retention run
 * @param apiToken        the server credential: when present, API calls need {@code Authorization: Bearer <token>}
 * @param playerTokens    when present, player tokens (JWT) are accepted, each acting only as its own player
 * @param logFormat       text or json
 * @param httpThreads     most threads serving API requests at once (Jetty's pool)
 * @param requestDeadline how long after arriving a join or leave may start its unit, or it never runs
 * @param limits          what one client may take of the HTTP server: read time, connections, long polls
 * @param webhooks        when present, events are written to the store's outbox and delivered as signed webhooks
 * @param ignoredVariables {@code MATCHMAKING_*} variables that were set but are no setting (misspelt, or
 *                        from another version), sorted; the server warns of each at start-up
 */
public record MatchmakingConfig(
        int port,
        OptionalInt adminPort,
        StoreKind store,
        Optional<MySqlSettings> mysql,
        MatchmakingRules rules,
        QueueLimits queueLimits,
        Duration shutdownTimeout,
        Duration sweepInterval,
        Optional<String> apiToken,
        Optional<PlayerTokenSettings> playerTokens,
        LogFormat logFormat,
        int httpThreads,
        Duration requestDeadline,
        HttpLimits limits,
        Optional<WebhookSettings> webhooks,
        List<String> ignoredVariables) {

    public MatchmakingConfig {
        ignoredVariables = List.copyOf(ignoredVariables);
    }

    private static final int MAX_PORT = 65_535;
    private static final long ONE_YEAR = 366L * 24 * 3600;

    /** Reads and validates the process environment. */
    public static MatchmakingConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads and validates {@code env}, so tests need not touch the process environment. */
    public static MatchmakingConfig from(Map<String, String> env) {
        EnvironmentReader read = new EnvironmentReader(env);
        int port = read.integer("MATCHMAKING_PORT", 8080, 0, MAX_PORT, "");
        OptionalInt adminPort = read.text("MATCHMAKING_ADMIN_PORT").isPresent()
                ? OptionalInt.of(read.integer("MATCHMAKING_ADMIN_PORT", 0, 0, MAX_PORT, ""))
                : OptionalInt.empty();
        if (adminPort.isPresent() && adminPort.getAsInt() == port && port != 0) {
            adminPort = OptionalInt.empty();
        }
        StoreKind store = read.choice("MATCHMAKING_STORE", StoreKind.MEMORY, StoreKind.class);
        Optional<MySqlSettings> mysql = store == StoreKind.MYSQL ? Optional.of(mysql(read)) : Optional.empty();
        MatchmakingRules rules = new MatchmakingRules(
                read.integer("MATCHMAKING_MATCH_SIZE", 3, Match.MIN_SIZE, Match.MAX_SIZE, ""),
                read.seconds("MATCHMAKING_WAIT_TIMEOUT", 300, 0, ONE_YEAR),
                read.seconds("MATCHMAKING_MATCH_RETENTION", 3600, 1, ONE_YEAR));
        return new MatchmakingConfig(port, adminPort, store, mysql, rules, queueLimits(read),
                read.seconds("MATCHMAKING_SHUTDOWN_TIMEOUT", 30, 0, 3600),
                read.seconds("MATCHMAKING_SWEEP_INTERVAL", 1, 1, 3600),
                read.text("MATCHMAKING_API_TOKEN"),
                playerTokens(read),
                read.choice("MATCHMAKING_LOG_FORMAT", LogFormat.TEXT, LogFormat.class),
                read.integer("MATCHMAKING_HTTP_THREADS", defaultHttpThreads(mysql),
                        MatchmakingHttpServer.MIN_REQUEST_THREADS, 10_000, ""),
                read.seconds("MATCHMAKING_REQUEST_DEADLINE", MatchmakingHttpServer.DEFAULT_REQUEST_DEADLINE_SECONDS, 1, 300),
                new HttpLimits(read.seconds("MATCHMAKING_READ_TIMEOUT", HttpLimits.DEFAULT_READ_TIMEOUT_SECONDS, 1, 300),
                        read.integer("MATCHMAKING_MAX_CONNECTIONS", HttpLimits.DEFAULT_MAX_CONNECTIONS, 1, 1_000_000, ""),
                        read.integer("MATCHMAKING_MAX_LONG_POLLS", HttpLimits.DEFAULT_MAX_LONG_POLLS, 0, 1_000_000, ""),
                        read.integer("MATCHMAKING_PLAYER_RATE_LIMIT", HttpLimits.DEFAULT_PLAYER_RATE, 0, 1_000_000, " per second"),
                        read.integer("MATCHMAKING_ADDRESS_RATE_LIMIT", HttpLimits.DEFAULT_ADDRESS_RATE, 0, 1_000_000, " per second"),
                        trustedProxies(read)),
                WebhookSettings.read(read),
                KnownVariables.unknownIn(env));
    }

    /**
     * A request needs its thread only while it runs or waits for a database connection: long polls
     * and group-committed joins hold none while they wait. So a few threads per core, plus one per
     * MySQL connection for the reads that wait on the database; more only take turns on the cores
     * (with 64 connections on 2 cores, 250 threads tripled the p99 of a join: docs/benchmarks.md).
     */
    private static int defaultHttpThreads(Optional<MySqlSettings> mysql) {
        return Math.max(MatchmakingHttpServer.MIN_REQUEST_THREADS, 4 * Runtime.getRuntime().availableProcessors())
                + mysql.map(MySqlSettings::poolSize).orElse(0);
    }

    private static TrustedProxies trustedProxies(EnvironmentReader read) {
        Optional<String> listed = read.text("MATCHMAKING_TRUSTED_PROXIES");
        if (listed.isEmpty()) {
            return TrustedProxies.NONE;
        }
        List<TrustedProxies.Range> ranges = new ArrayList<>();
        for (String range : listed.get().split(",", -1)) {
            try {
                ranges.add(TrustedProxies.Range.parse(range));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("MATCHMAKING_TRUSTED_PROXIES must be a comma-separated list of IP addresses"
                        + " or CIDR ranges (10.0.0.0/8)");
            }
        }
        return new TrustedProxies(ranges);
    }

    /** {@code MATCHMAKING_QUEUES=ranked,casual} lists the queues; without it, at most so many open at once. */
    private static QueueLimits queueLimits(EnvironmentReader read) {
        int most = read.integer("MATCHMAKING_MAX_QUEUES", QueueLimits.DEFAULT_MAX_OPEN_QUEUES, 1, 1_000_000, "");
        Optional<String> listed = read.text("MATCHMAKING_QUEUES");
        if (listed.isEmpty()) {
            return QueueLimits.atMostOpen(most);
        }
        Set<QueueName> queues = new TreeSet<>();
        for (String name : listed.get().split(",", -1)) {
            String trimmed = name.trim();
            if (!QueueName.isValid(trimmed)) {
                throw new ConfigException("MATCHMAKING_QUEUES must be a comma-separated list of queue names"
                        + " (1..64 characters of A-Z a-z 0-9 . _ : @ -)");
            }
            queues.add(QueueName.of(trimmed));
        }
        return new QueueLimits(Optional.of(queues), most);
    }

    /** HS256 with a shared secret, or public keys from a JWKS URL; issuer and audience checked when set. */
    private static Optional<PlayerTokenSettings> playerTokens(EnvironmentReader read) {
        Optional<String> secret = read.text("MATCHMAKING_JWT_SECRET");
        Optional<String> jwksUrl = read.text("MATCHMAKING_JWT_JWKS_URL");
        Optional<String> issuer = read.text("MATCHMAKING_JWT_ISSUER");
        Optional<String> audience = read.text("MATCHMAKING_JWT_AUDIENCE");
        if (secret.isPresent() && jwksUrl.isPresent()) {
            throw new ConfigException("set MATCHMAKING_JWT_SECRET or MATCHMAKING_JWT_JWKS_URL, not both");
        }
        if (secret.isEmpty() && jwksUrl.isEmpty()) {
            if (issuer.isPresent() || audience.isPresent()) {
                throw new ConfigException("MATCHMAKING_JWT_ISSUER and MATCHMAKING_JWT_AUDIENCE need"
                        + " MATCHMAKING_JWT_SECRET or MATCHMAKING_JWT_JWKS_URL");
            }
            return Optional.empty();
        }
        PlayerTokenSettings settings;
        try {
            settings = secret.map(PlayerTokenSettings::hmac).orElseGet(() -> PlayerTokenSettings.jwks(jwksUri(jwksUrl.get())));
        } catch (IllegalArgumentException refused) {
            throw new ConfigException("MATCHMAKING_JWT_SECRET: " + refused.getMessage());
        }
        return Optional.of(settings.withIssuer(issuer).withAudience(audience));
    }

    private static URI jwksUri(String text) {
        try {
            URI uri = new URI(text);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("MATCHMAKING_JWT_JWKS_URL must be an http:// or https:// URL");
        }
    }

    private static MySqlSettings mysql(EnvironmentReader read) {
        String url = read.text("MATCHMAKING_MYSQL_URL").orElseThrow(() ->
                new ConfigException("MATCHMAKING_MYSQL_URL is required when MATCHMAKING_STORE=mysql"));
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            throw new ConfigException("MATCHMAKING_MYSQL_URL must be a JDBC URL starting with jdbc:mysql:");
        }
        return new MySqlSettings(url,
                read.text("MATCHMAKING_MYSQL_USER").orElse(null),
                read.text("MATCHMAKING_MYSQL_PASSWORD").orElse(null),
                read.integer("MATCHMAKING_MYSQL_POOL_SIZE", 16, 1, 500, ""));
    }

    /** Never prints the token or the password. */
    @Override
    public String toString() {
        return "port=" + port + ", adminPort=" + (adminPort.isPresent() ? adminPort.getAsInt() : "same")
                + ", store=" + store.name().toLowerCase(Locale.ROOT)
                + ", matchSize=" + rules.matchSize()
                + ", queues=" + queueLimits.allowed().map(allowed -> String.join(",", new TreeSet<>(allowed.stream().map(QueueName::value).toList())))
                        .orElse("any, at most " + queueLimits.maxOpenQueues() + " open") + ", waitTimeout=" + rules.waitTimeout().toSeconds()
                + "s, retention=" + rules.retention().toSeconds() + "s, serverToken=" + (apiToken.isPresent() ? "on" : "off")
                + ", playerTokens=" + playerTokens.map(PlayerTokenSettings::toString).orElse("off")
                + ", logFormat=" + logFormat.name().toLowerCase(Locale.ROOT) + ", httpThreads=" + httpThreads
                + ", requestDeadline=" + requestDeadline.toSeconds() + "s, readTimeout=" + limits.readTimeout().toSeconds()
                + "s, maxConnections=" + limits.maxConnections() + ", maxLongPolls=" + limits.maxLongPolls()
                + ", playerRateLimit=" + limits.playerRate() + "/s, addressRateLimit=" + limits.addressRate()
                + "/s, trustedProxies=" + limits.trustedProxies().ranges().size()
                + ", webhooks=" + webhooks.map(WebhookSettings::toString).orElse("off");
    }
}
