package io.matchmaking.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** The route template of a request, for logs and metric tags: never the raw path, so never an id. */
final class Routes {

    /** The template of requests that matched no route. */
    static final String NOT_FOUND = "NOT_FOUND";
    /** The template of requests refused before routing (bad token, wrong method). */
    static final String UNKNOWN = "UNKNOWN";

    private Routes() {
    }

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
