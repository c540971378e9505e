package io.matchmaking.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@link #MAX_BYTES}, already here ({@link WholeBodyFirst}), so a
 * read never waits for the network. A declared length above it is refused before reading; a body
 * without a declared length is read up to one byte past the limit.
 *
 * <p>The body is read here rather than with {@code ctx.bodyAsBytes()}, which copies every body
 * through an 8 KiB chunk and a growing buffer: into an array of the declared size it is one copy.
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
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] body = in.readNBytes(declared >= 0 ? (int) declared : MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            if (body.length < declared) {
                throw cutShort();
            }
            return body;
        } catch (IOException broken) {
            throw cutShort();
        }
    }

    /**
     * An error answer for a request whose body is over the limit, which nothing reads: it closes
     * the connection, as Jetty would otherwise do after the answer without saying so, and a
     * keep-alive client sending its next request on it would see it drop unanswered. Any smaller
     * body was read whole before the route ran ({@link WholeBodyFirst}), so its connection stays.
     */
    static void closeIfUnread(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            ctx.header("Connection", "close");
        }
    }

    /** The client closed or broke the connection mid-body: nothing was read, nothing changes. */
    private static ApiException cutShort() {
        return ApiException.badRequest("request body could not be read");
    }

    static ApiException tooLarge() {
        return new ApiException(413, TOO_LARGE);
    }
}
