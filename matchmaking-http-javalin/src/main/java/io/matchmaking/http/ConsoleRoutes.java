package io.matchmaking.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.matchmaking.core.ReadMatches;
import io.matchmaking.http.console.RecentMatches;
import io.matchmaking.http.console.RequestCounts;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The operator console: {@code GET /console}, a page that reads three small JSON endpoints on each
 * refresh (queues, matches, this instance; its script says how often). The page and its files hold no data and are open;
 * the JSON needs what {@code /queues} needs (the server credential, when one is configured), which
 * the page asks for and sends as a bearer token. Every figure is one the instance already keeps:
 * the queues as the last sweep read them, the matches it formed, its own request counts. A refresh
 * reads no table.
 */
final class ConsoleRoutes {

    static final String PAGE = "/console";
    static final String ASSETS = "/console/assets/";
    static final String DATA = "/console/api/";
    static final String QUEUES = DATA + "queues";
    static final String MATCHES = DATA + "matches";
    static final String INSTANCE = DATA + "instance";

    /**
     * Scripts and styles only from this server, no inline code, no framing, nothing sent elsewhere:
     * a queue or player name that slipped into the page could not run, and the page works offline.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final ConsoleAssets assets = new ConsoleAssets();
    private final ReadMatches reads;
    private final Readiness readiness;
    private final IntSupplier heldLongPolls;
    private final RequestCounts requests;
    private final RecentMatches matches;
    private final long startedNanos = System.nanoTime();

    ConsoleRoutes(ReadMatches reads, Readiness readiness, IntSupplier heldLongPolls, RequestCounts requests,
            RecentMatches matches) {
        this.reads = reads;
        this.readiness = readiness;
        this.heldLongPolls = heldLongPolls;
        this.requests = requests;
        this.matches = matches;
    }

    /**
     * For an API port that takes player tokens but has no server credential: nobody there may read
     * the figures, so every request for them is told where they are, before authentication would
     * ask it for a token that cannot succeed. Register it ahead of {@link Authentication}.
     */
    static void refuseEveryone(RoutesConfig routes) {
        routes.before(DATA + "*", ctx -> {
            throw ApiException.forbidden("this instance has no server credential: its console is read on the admin port "
                    + "(MATCHMAKING_ADMIN_PORT)");
        });
    }

    /** Whether {@code path} needs no credential: the page and its files, which carry no data. */
    static boolean isOpen(String path) {
        return path.equals(PAGE) || path.equals(PAGE + "/") || path.startsWith(ASSETS);
    }

    /** Whether {@code routeTemplate} is one of the console's: its own requests are left out of the rates it shows. */
    static boolean isConsole(String routeTemplate) {
        return routeTemplate.equals(PAGE) || routeTemplate.startsWith(PAGE + "/");
    }

    void register(RoutesConfig routes) {
        Routes.get(routes, PAGE, this::page);
        Routes.get(routes, ASSETS + "{file}", this::file);
        Routes.get(routes, QUEUES, ctx -> data(ctx, QueuesView.of(reads.queuesAsLastSwept())));
        Routes.get(routes, MATCHES, ctx -> data(ctx, ConsoleMatchesView.of(matches)));
        Routes.get(routes, INSTANCE, ctx -> data(ctx, instance()));
    }

    private void page(Context ctx) {
        if (ctx.path().endsWith("/")) {
            // the page's links are relative to /console: from /console/ they would miss every file.
            // Relative itself, so that it holds behind a proxy that serves the console under a prefix
            secured(ctx).status(308).header("Location", "../console");
            return;
        }
        send(ctx, assets.page());
    }

    private void file(Context ctx) {
        send(ctx, assets.file(ctx.pathParam("file")).orElseThrow(() -> ApiException.notFound("no such console file")));
    }

    private static void send(Context ctx, ConsoleAssets.Asset asset) {
        // no-cache: a browser checks again on each load, so a new version is seen at once
        secured(ctx).header("Cache-Control", "no-cache").contentType(asset.contentType()).result(asset.bytes());
    }

    private static void data(Context ctx, Object view) {
        if (!Authentication.of(ctx).mayReadQueues()) {
            throw ApiException.forbidden("only the server credential may read the console");
        }
        secured(ctx).header("Cache-Control", "no-store");
        Json.respond(ctx, 200, view);
    }

    private static Context secured(Context ctx) {
        return ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    private ConsoleInstanceView instance() {
        long uptime = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
        return ConsoleInstanceView.of(readiness.isStoreAvailable(), readiness.isShuttingDown(), heldLongPolls.getAsInt(),
                requests.rates(), uptime);
    }
}
