package io.matchmaking.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before Javalin sees the request (headers too large, a malformed request,
 * the 503 of a server that is shutting down) get the same JSON body as every other error, with
 * only the status's reason in it.
 */
final class JsonJettyErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
            Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        if (code == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, ErrorMapping.RETRY_AFTER_SECONDS);
        }
        byte[] body = Json.bytes(new ErrorBody(ErrorMapping.reason(code)));
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
