package io.matchmaking.http;

import io.javalin.http.Context;

/**
 * Reads a request body of at most {@link #MAX_BYTES}. A declared length above it is refused
 * before reading; a chunked body is cut by Javalin's own limit (set to the same value).
 */
final class RequestBody {

    /** API.md: 413 for a body over 4 KiB. */
    static final int MAX_BYTES = 4096;
    static final String TOO_LARGE = "request body must be at most " + MAX_BYTES + " bytes";

    private RequestBody() {
    }

    static byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        return ctx.bodyAsBytes();
    }

    static ApiException tooLarge() {
        return new ApiException(413, TOO_LARGE);
    }
}
