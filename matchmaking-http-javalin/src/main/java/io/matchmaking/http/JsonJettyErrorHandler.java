package io.matchmaking.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before Javalin sees the request (a malformed request line or path, headers
 * too large, the 503 of a server that is shutting down) get what every other answer gets: the
 * request's {@code X-Request-Id} and a JSON body with the status's reason, whatever the method
 * (Jetty's own handler writes a body only for GET, POST and HEAD, and left DELETE answers empty).
 */
final class JsonJettyErrorHandler extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestIds.assign(request, response);
        return super.handle(request, response, callback);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
            Throwable cause, Callback callback) {
        EdgeAnswers.error(request, response, callback, code, ErrorMapping.reason(code));
    }
}
