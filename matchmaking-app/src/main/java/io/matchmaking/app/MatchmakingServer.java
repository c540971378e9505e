package io.matchmaking.app;

import io.matchmaking.core.GroupCommitJoiner;
import io.matchmaking.core.JoinQueue;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakerBuilder;
import io.matchmaking.core.event.EventType;
import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.http.MatchmakingHttpServer;
import io.matchmaking.http.Readiness;
import io.matchmaking.http.console.RecentMatches;
import io.matchmaking.http.metrics.MatchmakingMetrics;
import io.matchmaking.http.watch.MatchWatchers;
import io.matchmaking.store.memory.InMemoryMatchRepository;
import io.matchmaking.store.mysql.MySqlMatchRepository;
import io.matchmaking.store.mysql.MySqlStoreSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server, wired from a {@link MatchmakingConfig}: store, then core, then HTTP. Owns the
 * lifecycle: {@link #start}, and {@link #stop} which reports not ready, answers held long polls,
 * stops accepting, lets requests in flight finish within the shutdown timeout, stops the sweeper,
 * then closes the store.
 * Tests use it as it is, on port 0.
 */
public final class MatchmakingServer {

    private static final Logger LOG = LoggerFactory.getLogger(MatchmakingServer.class);

    /** The jar's version (its manifest's Implementation-Version); "dev" when run from classes. */
    static final String VERSION = Optional.ofNullable(MatchmakingServer.class.getPackage().getImplementationVersion())
            .orElse("dev");

    private final MatchmakingConfig config;
    private final String storeDescription;
    /** How often an instance sharing a database looks for changes other instances made to watched matches. */
    private static final Duration WATCH_POLL_INTERVAL = Duration.ofMillis(100);
    /** Joins per MySQL transaction at most; more wait for the next one. */
    private static final int GROUP_COMMIT_MAX_BATCH = 256;

    private final MatchmakingMetrics metrics = new MatchmakingMetrics();
    private final MatchWatchers watchers = new MatchWatchers();
    private final RecentMatches recentMatches = new RecentMatches();
    private final MatchRepository repository;
    private final Matchmaker matchmaker;
    private final Readiness readiness;
    private final MatchmakingHttpServer http;
    private final Sweeper sweeper;
    private final Webhooks webhooks = new Webhooks();
    private boolean stopped;

    private MatchmakingServer(MatchmakingConfig config, UnaryOperator<MatchRepository> storeDecorator) {
        this.config = config;
        OpenedStore store = openStore(config, metrics);
        this.storeDescription = store.description();
        this.repository = new TimedMatchRepository(storeDecorator.apply(store.repository()), metrics.registry());
        Set<EventType> sent = config.webhooks().map(WebhookSettings::events).orElse(Set.of());
        MatchmakerBuilder builder = Matchmaker.builder(repository)
                .rules(config.rules())
                .queueLimits(config.queueLimits())
                .matchIds(new TimeOrderedMatchIds())
                .retryListener(metrics.retries())
                .outbox(sent)
                .listener(metrics.listener())
                .listener(watchers)
                .listener(recentMatches);
        config.webhooks().ifPresent(settings -> builder.handOff(Webhooks.pacing(settings).lease(), webhooks.handOff()));
        this.matchmaker = builder.build();
        metrics.watchQueues(matchmaker);
        metrics.watchHeldRequests(watchers::size);
        if (config.store() == StoreKind.MYSQL) {
            watchers.pollStore(matchmaker, WATCH_POLL_INTERVAL);
        }
        this.readiness = new Readiness(repository::isAvailable);
        // MySQL pays per transaction, so concurrent joins share one; in memory a join is cheaper
        // than the hand-off, so each runs alone on its request's thread
        JoinQueue joins = config.store() == StoreKind.MYSQL ? new GroupCommitJoiner(matchmaker, GROUP_COMMIT_MAX_BATCH) : matchmaker;
        MatchmakingHttpServer.Builder http = MatchmakingHttpServer.builder(joins, matchmaker, matchmaker, metrics, readiness)
                .apiToken(config.apiToken())
                .playerTokens(config.playerTokens())
                .requestThreads(config.httpThreads())
                .requestDeadline(config.requestDeadline())
                .limits(config.limits())
                .shutdownTimeout(config.shutdownTimeout())
                .separateAdminPort(config.adminPort().isPresent())
                .watchers(watchers)
                .recentMatches(recentMatches);
        this.http = http.build();
        this.sweeper = new Sweeper(matchmaker, config.sweepInterval());
        config.webhooks().ifPresent(settings ->
                webhooks.start(settings, matchmaker.pendingEvents().orElseThrow(), metrics.registry()));
    }

    /** A store, and what the start-up line says of it. */
    private record OpenedStore(MatchRepository repository, String description) {
    }

    private static OpenedStore openStore(MatchmakingConfig config, MatchmakingMetrics metrics) {
        if (config.store() == StoreKind.MEMORY) {
            return new OpenedStore(new InMemoryMatchRepository(), "memory");
        }
        MySqlSettings mysql = config.mysql().orElseThrow();
        MySqlMatchRepository store = MySqlMatchRepository.open(
                MySqlStoreSettings.of(mysql.url(), mysql.user(), mysql.password()).withPoolSize(mysql.poolSize()));
        store.bindPoolMetrics(metrics.registry());
        return new OpenedStore(store, "mysql (" + store.description() + ")");
    }

    /** Builds the server from {@code config} and starts it. */
    public static MatchmakingServer start(MatchmakingConfig config) {
        return start(config, UnaryOperator.identity());
    }

    /** Starts with the store wrapped by {@code storeDecorator}: tests use it to slow or break the store. */
    static MatchmakingServer start(MatchmakingConfig config, UnaryOperator<MatchRepository> storeDecorator) {
        for (String ignored : config.ignoredVariables()) {
            LOG.warn(KnownVariables.warning(ignored));
        }
        FileDescriptorBudget.openableFiles()
                .ifPresent(openable -> FileDescriptorBudget.warning(config.limits().maxConnections(), openable).ifPresent(LOG::warn));
        MatchmakingServer server = new MatchmakingServer(config, storeDecorator);
        server.http.start(config.port(), config.adminPort().orElse(0));
        server.sweeper.start();
        LOG.info(server.startLine());
        return server;
    }

    /**
     * What an operator wants to see once: the version, where to reach the server, what it stores
     * in, and every setting (never a secret). Jetty binds every interface; the URL is one to click.
     */
    private String startLine() {
        String admin = adminPort().isPresent()
                ? ", health and metrics on " + url(adminPort().getAsInt()) : "";
        return "matchmaking " + VERSION + " listening on " + url(port()) + " (every interface)" + admin
                + ", store " + storeDescription + "; " + config;
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }

    /** The bound API port. */
    public int port() {
        return http.port();
    }

    /** The bound admin port, when health and metrics have their own. */
    public OptionalInt adminPort() {
        return http.adminPort();
    }

    /** Long-poll requests held right now. */
    public int heldRequests() {
        return watchers.size();
    }

    /** The core, for embedding callers and tests. */
    public Matchmaker matchmaker() {
        return matchmaker;
    }

    /** Graceful stop; safe to call more than once (the shutdown hook and a test may both call it). */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("shutting down: not ready, draining requests for up to {} s", config.shutdownTimeout().toSeconds());
        readiness.markShuttingDown();
        watchers.releaseAll();
        try {
            http.stop();
        } finally {
            watchers.close();
            sweeper.stop();
            webhooks.close();
            repository.close();
            metrics.close();
            LOG.info("stopped");
        }
    }
}
