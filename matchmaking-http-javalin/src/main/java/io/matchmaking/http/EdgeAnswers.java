package io.matchmaking.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The error answers Jetty-level handlers give before any route runs (Jetty's own errors, a body
 * that did not arrive in time, too many connections): as every other answer, a JSON
 * {@code {"error": ...}} body, the request's id, and {@code Retry-After} on a 503.
 */
final class EdgeAnswers {

    private EdgeAnswers() {
    }

    static void error(Request request, Response response, Callback callback, int status, String message) {
        RequestIds.assign(request, response);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        if (status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, ErrorMapping.RETRY_AFTER_SECONDS);
        }
        response.write(true, ByteBuffer.wrap(Json.bytes(new ErrorBody(message))), callback);
    }

    /** As {@link #error}, and the connection closes after it: what is left of the request is not worth reading. */
    static void errorAndClose(Request request, Response response, Callback callback, int status, String message) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
        error(request, response, callback, status, message);
    }
}
