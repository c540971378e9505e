package io.matchmaking.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.matchmaking.http.metrics.MatchmakingMetrics;
import java.util.Set;

/**
 * Health checks and the Prometheus exposition; open even when the API needs a token. The operator
 * console ({@link ConsoleRoutes}) is served beside them.
 */
final class AdminRoutes {

    static final Set<String> PATHS = Set.of("/health/live", "/health/ready", "/metrics");

    /** Whether {@code path} needs no credential where the admin routes are: theirs, and the console's page and files. */
    static boolean isOpen(String path) {
        return PATHS.contains(path) || ConsoleRoutes.isOpen(path);
    }

    private final Readiness readiness;
    private final MatchmakingMetrics metrics;

    AdminRoutes(Readiness readiness, MatchmakingMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        Routes.get(routes, "/health/live", ctx -> Json.respond(ctx, 200, HealthView.UP));
        Routes.get(routes, "/health/ready", this::ready);
        Routes.get(routes, "/metrics", ctx -> ctx.contentType(MatchmakingMetrics.CONTENT_TYPE).result(metrics.scrape()));
    }

    private void ready(Context ctx) {
        if (readiness.isShuttingDown()) {
            Json.respond(ctx, 503, new HealthView("down", "shutting down"));
        } else if (!readiness.isReady()) {
            Json.respond(ctx, 503, new HealthView("down", "store unavailable"));
        } else {
            Json.respond(ctx, 200, HealthView.UP);
        }
    }
}
