package io.matchmaking.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * An error answer can leave the request body unread: a wrong route or method, a missing token, a
 * body over the limit. Jetty then skips what has arrived and, when more is still on its way,
 * closes the connection after the answer without saying so, and a keep-alive client that sends
 * its next request on that connection sees it drop unanswered. So before such an answer the body
 * bytes that have already arrived are skipped here, and if that does not complete the body the
 * answer says {@code Connection: close}. Nothing waits for the network: a client slow to send a
 * body it was refused holds no thread for it.
 */
final class UnreadBody {

    /** Set by {@link RequestBody} once it has read a body to its end. */
    private static final String READ_WHOLE = UnreadBody.class.getName() + ".readWhole";

    private UnreadBody() {
    }

    static void readWhole(Context ctx) {
        ctx.attribute(READ_WHOLE, Boolean.TRUE);
    }

    static void settle(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        boolean chunked = declared < 0 && ctx.req().getHeader("Transfer-Encoding") != null;
        if ((declared <= 0 && !chunked) || ctx.attribute(READ_WHOLE) != null) {
            return;
        }
        // a chunked body's end cannot be seen without a read that may wait; nor is one worth skipping
        if (chunked || declared > RequestBody.MAX_BYTES || !skipArrived(ctx, declared)) {
            ctx.header("Connection", "close");
        }
    }

    /** Whether the {@code declared} bytes of a body nothing has read yet have all arrived (and are now skipped). */
    private static boolean skipArrived(Context ctx, long declared) {
        try {
            InputStream in = ctx.req().getInputStream();
            long left = declared;
            int arrived;
            while (left > 0 && (arrived = in.available()) > 0) {
                left -= in.skip(Math.min(left, arrived));
            }
            return left == 0;
        } catch (IOException | IllegalStateException unreadable) {
            return false;
        }
    }
}
