package io.matchmaking.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.matchmaking.core.JoinQueue;
import io.matchmaking.core.LeaveQueue;
import io.matchmaking.core.ReadMatches;
import io.matchmaking.http.console.RecentMatches;
import io.matchmaking.http.console.RequestCounts;
import io.matchmaking.http.metrics.MatchmakingMetrics;
import io.matchmaking.http.watch.MatchWatchers;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server: the API on one port and, optionally, health, metrics and the operator console
 * on an admin port.
 * Built on the core's use cases ({@link JoinQueue}, {@link LeaveQueue}, {@link ReadMatches}),
 * started and stopped by its owner.
 *
 * <p>Stopping is graceful: the ports stop accepting, requests in flight may finish within the
 * shutdown timeout (Jetty's {@link GracefulHandler} tracks them), then the connections close.
 */
public final class MatchmakingHttpServer {

    private static final Duration CONNECTION_IDLE_TIMEOUT = Duration.ofSeconds(WaitParameter.MAX_SECONDS + 30);

    /** Javalin's own default. */
    private static final int DEFAULT_REQUEST_THREADS = 250;
    /** Well under a mobile client's usual timeout (10 to 30 s): its retry must not race a late first attempt. */
    public static final int DEFAULT_REQUEST_DEADLINE_SECONDS = 5;
    private static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(DEFAULT_REQUEST_DEADLINE_SECONDS);
    /** Jetty takes an acceptor and a selector thread from the pool, and needs some left to serve. */
    public static final int MIN_REQUEST_THREADS = 8;

    private final Javalin api;
    private final Optional<Javalin> admin;

    private MatchmakingHttpServer(Builder builder) {
        RequestCounts requestCounts = new RequestCounts();
        RequestObserver observer = new RequestObserver(builder.metrics.registry(), requestCounts);
        AdminRoutes adminRoutes = new AdminRoutes(builder.readiness, builder.metrics);
        ConsoleRoutes console = new ConsoleRoutes(builder.reads, builder.readiness, builder.watchers::size, requestCounts,
                builder.recentMatches);
        // on an API port with player tokens and no server credential, no caller may read the console's figures
        boolean consoleForNobody = !builder.separateAdmin && builder.apiToken.isEmpty() && builder.playerTokens.isPresent();
        OpenApiRoute openApi = new OpenApiRoute();
        QueuedThreadPool requestThreads = requestThreads(builder.requestThreads);
        MatchRoutes matchRoutes = new MatchRoutes(builder.joins, builder.leaves, builder.reads, orInline(requestThreads),
                builder.watchers, builder.requestDeadline, builder.limits.maxLongPolls());
        Authentication auth = new Authentication(builder.apiToken, builder.playerTokens.map(PlayerTokens::new),
                builder.separateAdmin ? path -> false : AdminRoutes::isOpen);
        RateLimits rateLimits = new RateLimits(builder.limits);
        this.api = Javalin.create(config -> {
            configure(config, builder.shutdownTimeout, builder.limits, observer);
            config.jetty.threadPool = requestThreads;
            if (consoleForNobody) {
                ConsoleRoutes.refuseEveryone(config.routes);
            }
            config.routes.before(auth::authenticate);
            config.routes.before(rateLimits::check);
            matchRoutes.register(config.routes);
            openApi.register(config.routes);
            if (!builder.separateAdmin) {
                adminRoutes.register(config.routes);
                console.register(config.routes);
            }
        });
        // the admin port is private, so it takes no player token and has no rate limit; the
        // console's data still needs the server credential when there is one
        Authentication adminAuth = new Authentication(builder.apiToken, Optional.empty(), AdminRoutes::isOpen);
        this.admin = builder.separateAdmin
                ? Optional.of(Javalin.create(config -> {
                    configure(config, builder.shutdownTimeout, builder.limits, observer);
                    config.routes.before(adminAuth::authenticate);
                    adminRoutes.register(config.routes);
                    console.register(config.routes);
                }))
                : Optional.empty();
    }

    /** Jetty's pool as Javalin builds it (8 threads kept, idle ones beyond leave after a minute), sized. */
    private static QueuedThreadPool requestThreads(int most) {
        QueuedThreadPool pool = new QueuedThreadPool(most, MIN_REQUEST_THREADS, (int) Duration.ofMinutes(1).toMillis());
        pool.setName("http");
        return pool;
    }

    /** Runs a task on {@code pool}, or on the caller's thread when the pool refuses it (it is full or stopping). */
    static Executor orInline(QueuedThreadPool pool) {
        return task -> {
            try {
                pool.execute(task);
            } catch (RejectedExecutionException refused) {
                task.run();
            }
        };
    }

    private static void configure(JavalinConfig config, Duration shutdownTimeout, HttpLimits limits, RequestObserver observer) {
        config.startup.showJavalinBanner = false;
        config.startup.startupWatcherEnabled = false;
        // RequestBody reads bodies itself; this holds ctx.body() to the same limit should a route use it
        config.http.maxRequestSize = RequestBody.MAX_BYTES;
        config.http.prefer405over404 = true;
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(shutdownTimeout.toMillis());
            ConnectorSettings.install(server, CONNECTION_IDLE_TIMEOUT);
            // each insertHandler wraps the handlers so far: the last inserted runs first
            server.insertHandler(new WholeBodyFirst(limits.readTimeout()));
            server.insertHandler(new GracefulHandler());
            ConnectionCap.install(server, limits.maxConnections(), limits.readTimeout().toMillis());
            server.addBean(new StalledConnections(server, limits.readTimeout()));
            server.setErrorHandler(new JsonJettyErrorHandler());
            // outermost, so that every answer a handler gives (the graceful 503 too) carries the id
            server.insertHandler(RequestIds.handler());
            server.setRequestLog(observer);
        });
        ErrorMapping.register(config.routes);
        config.requestLogger.http(RequestObserver::rememberRoute);
    }

    /**
     * Starts building a server on the core's use cases: {@code joins} answers {@code POST /join}
     * (the {@link io.matchmaking.core.Matchmaker} itself, or a {@link io.matchmaking.core.GroupCommitJoiner}
     * for a store that pays per transaction), {@code leaves} and {@code reads} the rest.
     */
    public static Builder builder(JoinQueue joins, LeaveQueue leaves, ReadMatches reads, MatchmakingMetrics metrics,
            Readiness readiness) {
        return new Builder(joins, leaves, reads, metrics, readiness);
    }

    /**
     * Binds the API to {@code port} and, if this server has one, the admin routes to
     * {@code adminPort}; 0 picks a free port (see {@link #port()}).
     */
    public MatchmakingHttpServer start(int port, int adminPort) {
        api.start(port);
        admin.ifPresent(app -> app.start(adminPort));
        return this;
    }

    /** The bound API port. */
    public int port() {
        return api.port();
    }

    /** The bound admin port, if health and metrics have their own. */
    public OptionalInt adminPort() {
        return admin.map(app -> OptionalInt.of(app.port())).orElse(OptionalInt.empty());
    }

    /** Stops accepting, lets requests in flight finish within the shutdown timeout, closes. */
    public void stop() {
        api.stop();
        admin.ifPresent(Javalin::stop);
    }

    /** Settings of a {@link MatchmakingHttpServer}. */
    public static final class Builder {

        private final JoinQueue joins;
        private final LeaveQueue leaves;
        private final ReadMatches reads;
        private final MatchmakingMetrics metrics;
        private final Readiness readiness;
        private Optional<String> apiToken = Optional.empty();
        private Optional<PlayerTokenSettings> playerTokens = Optional.empty();
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private boolean separateAdmin;
        private MatchWatchers watchers = new MatchWatchers();
        private RecentMatches recentMatches = new RecentMatches();
        private int requestThreads = DEFAULT_REQUEST_THREADS;
        private Duration requestDeadline = DEFAULT_REQUEST_DEADLINE;
        private HttpLimits limits = HttpLimits.DEFAULTS;

        private Builder(JoinQueue joins, LeaveQueue leaves, ReadMatches reads, MatchmakingMetrics metrics, Readiness readiness) {
            this.joins = Objects.requireNonNull(joins, "joins");
            this.leaves = Objects.requireNonNull(leaves, "leaves");
            this.reads = Objects.requireNonNull(reads, "reads");
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            this.readiness = Objects.requireNonNull(readiness, "readiness");
        }

        /**
         * The server credential: when present, API calls need {@code Authorization: Bearer <token>}
         * (or a player token, if those are accepted too); it acts for any player.
         */
        public Builder apiToken(Optional<String> token) {
            this.apiToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /** When present, API calls may (and without a server credential must) carry a player token. */
        public Builder playerTokens(Optional<PlayerTokenSettings> settings) {
            this.playerTokens = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** How long requests in flight may take to finish when the server stops. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The long-poll waiters; register the same instance as a listener of the matchmaker so
         * its changes release them. A fresh, unregistered one only ever times out.
         */
        public Builder watchers(MatchWatchers value) {
            this.watchers = Objects.requireNonNull(value, "watchers");
            return this;
        }

        /**
         * What the console shows of the matches formed here; register the same instance as a
         * listener of the matchmaker. A fresh, unregistered one shows none.
         */
        public Builder recentMatches(RecentMatches value) {
            this.recentMatches = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * The most threads serving API requests at once (Jetty's own selector and acceptor
         * threads included); Javalin's 250 by default. Long polls hold none while they wait.
         */
        public Builder requestThreads(int most) {
            if (most < MIN_REQUEST_THREADS) {
                throw new IllegalArgumentException("at least " + MIN_REQUEST_THREADS + " request threads are needed");
            }
            this.requestThreads = most;
            return this;
        }

        /**
         * How long after its arrival a join or leave may start its unit of work; later, it is answered
         * 503 and never runs ({@value #DEFAULT_REQUEST_DEADLINE_SECONDS} s by default).
         */
        public Builder requestDeadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("the request deadline must be positive");
            }
            this.requestDeadline = deadline;
            return this;
        }

        /** What one client may take: read time, connections, held long polls, rates ({@link HttpLimits#DEFAULTS}). */
        public Builder limits(HttpLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** Serve health, metrics and the console on a port of their own instead of the API port. */
        public Builder separateAdminPort(boolean separate) {
            this.separateAdmin = separate;
            return this;
        }

        /** The server, not started. */
        public MatchmakingHttpServer build() {
            return new MatchmakingHttpServer(this);
        }
    }
}
