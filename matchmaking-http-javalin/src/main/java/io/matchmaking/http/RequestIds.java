package io.matchmaking.http;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request gets an id, echoed in {@code X-Request-Id} and written in its log line: the
 * caller's own if it is sane (1..64 safe characters, so it cannot forge log lines), else a
 * random 128-bit hex id. It is assigned on Jetty's request, not Javalin's, so the answers Jetty
 * gives itself (a malformed request, headers too large, shutting down) carry one too.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "matchmaking.requestId";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    /** Assigns every request that reaches the handlers its id before anything else runs. */
    static Handler.Wrapper handler() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                assign(request, response);
                return super.handle(request, response, callback);
            }
        };
    }

    /** The request's id, chosen on the first call, and put in the response's headers on every call. */
    static String assign(Request request, Response response) {
        String id = request.getAttribute(ATTRIBUTE) instanceof String assigned
                ? assigned : chosen(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        return id;
    }

    static String of(Context ctx) {
        return orDash(ctx.attribute(ATTRIBUTE));
    }

    static String of(Request request) {
        return orDash(request.getAttribute(ATTRIBUTE));
    }

    private static String orDash(Object id) {
        return id instanceof String assigned ? assigned : "-";
    }

    private static String chosen(String offered) {
        return offered != null && isSane(offered) ? offered : generate();
    }

    /** 1..64 of {@code A-Z a-z 0-9 . _ : @ + / = -}; a loop, as a regular expression costs more per request. */
    static boolean isSane(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ".:_@+/=-".indexOf(c) >= 0;
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /** 32 hex digits of randomness, built by hand: String.format costs more than the rest of a join. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long bits = random.nextLong();
        for (int i = 0; i < 32; i++) {
            if (i == 16) {
                bits = random.nextLong();
            }
            id[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(id);
    }
}
