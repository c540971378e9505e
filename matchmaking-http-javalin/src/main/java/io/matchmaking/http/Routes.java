package io.matchmaking.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;

/** Route registration shared by every route class, and the route template of a request for logs and metric tags. */
final class Routes {

    /** The template of requests that matched no route. */
    static final String NOT_FOUND = "NOT_FOUND";
    /** The template of requests refused before routing (bad token, wrong method, Jetty's own errors). */
    static final String UNKNOWN = "UNKNOWN";

    private Routes() {
    }

    /**
     * {@code GET path}, and {@code HEAD path} with the same handler: HTTP says HEAD answers the
     * status and headers GET would, without the body (Jetty drops the body of a HEAD answer and
     * keeps its Content-Length). Javalin alone answers HEAD 200 on every GET route without running
     * it, which told a load balancer checking {@code HEAD /health/ready} "ready" during an outage.
     */
    static void get(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** The template of {@code ctx}'s route: never the raw path, so never an id. */
    static String template(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint == null) {
            endpoint = ctx.endpoints().matchedHttpEndpoint();
        }
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.statusCode() == 404 ? NOT_FOUND : UNKNOWN;
    }
}
