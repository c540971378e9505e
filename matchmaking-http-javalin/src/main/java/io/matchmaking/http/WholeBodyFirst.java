package io.matchmaking.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Routes run only once a request's whole body is here. The body is gathered without a thread
 * (Jetty calls back as bytes arrive: {@link Gathering}), so a client that trickles its body, or
 * stops halfway, holds no request thread: eight such sockets used to stall the memory server, whose routes read bodies
 * blocking. A body not complete within the read timeout of the request's first byte is answered
 * 408 and its connection closed.
 *
 * <p>Every request with a body waits for it, whatever its route: a route that would refuse it
 * (404, 405, 401) answers once it is here, and the connection stays usable. Deciding here which
 * routes read bodies would repeat the router's rules ({@code /join/} is {@code /join} to it).
 * Bodies over {@link RequestBody#MAX_BYTES} by their declared length are passed on unread, for the
 * route to refuse (413) without reading them ({@link RequestBody#closeIfUnread}); a chunked body that grows past
 * it is 413 here.
 */
final class WholeBodyFirst extends Handler.Wrapper {

    static final String TOO_SLOW = "the request did not arrive within the read timeout";

    private final Duration readTimeout;

    WholeBodyFirst(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (declared == 0 || (declared < 0 && !chunked) || declared > RequestBody.MAX_BYTES) {
            return super.handle(request, response, callback);
        }
        new Gathering(request, response, callback, declared).readArrived();
        return true;
    }

    /**
     * One request's body, gathered as it arrives. A body that came with its headers, as small
     * bodies do, is read at once and handed on on the same thread: nothing is scheduled. Only a
     * body still on its way gets a deadline, and Jetty calls back as more of it arrives.
     */
    private final class Gathering implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean settled = new AtomicBoolean();
        private byte[] bytes;
        private int length;
        private Scheduler.Task deadline;

        Gathering(Request request, Response response, Callback callback, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.bytes = new byte[declared >= 0 ? (int) declared : 256];
        }

        /** Jetty's call when more of the body has arrived (on a pool thread: the routes may block). */
        @Override
        public void run() {
            readArrived();
        }

        void readArrived() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (deadline == null) {
                        long left = readTimeout.toMillis() - NanoTime.millisSince(request.getBeginNanoTime());
                        deadline = request.getComponents().getScheduler().schedule(
                                () -> request.fail(new TimeoutException(TOO_SLOW)), Math.max(1, left), TimeUnit.MILLISECONDS);
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    settle(() -> refuse(request, response, callback, chunk.getFailure()));
                    return;
                }
                boolean last = chunk.isLast();
                boolean fits = append(chunk.getByteBuffer());
                chunk.release();
                if (!fits) {
                    settle(() -> EdgeAnswers.errorAndClose(request, response, callback, 413, RequestBody.TOO_LARGE));
                    return;
                }
                if (last) {
                    settle(() -> handleWhole(new WholeBody(request, Arrays.copyOf(bytes, length)), response, callback));
                    return;
                }
            }
        }

        private boolean append(ByteBuffer buffer) {
            int arrived = buffer.remaining();
            if (length + arrived > RequestBody.MAX_BYTES) {
                return false;
            }
            if (length + arrived > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(RequestBody.MAX_BYTES, Math.max(2 * bytes.length, length + arrived)));
            }
            buffer.get(bytes, length, arrived);
            length += arrived;
            return true;
        }

        /** The first outcome wins: the whole body, or the deadline's failure, not both. */
        private void settle(Runnable outcome) {
            if (deadline != null) {
                deadline.cancel();
            }
            if (settled.compareAndSet(false, true)) {
                outcome.run();
            }
        }
    }

    private void handleWhole(Request whole, Response response, Callback callback) {
        try {
            if (!super.handle(whole, response, callback)) {
                Response.writeError(whole, response, callback, 404);
            }
        } catch (Throwable failure) {
            Response.writeError(whole, response, callback, failure);
        }
    }

    private static void refuse(Request request, Response response, Callback callback, Throwable failure) {
        if (failure instanceof TimeoutException) {
            EdgeAnswers.errorAndClose(request, response, callback, 408, TOO_SLOW);
        } else {
            // the client broke the connection mid-body: there is no one left to answer
            EdgeAnswers.errorAndClose(request, response, callback, 400, "request body could not be read");
        }
    }

    /** The request, with its body already here: reads never wait. */
    private static final class WholeBody extends Request.Wrapper {

        private Content.Chunk body;

        WholeBody(Request request, byte[] bytes) {
            super(request);
            this.body = Content.Chunk.from(ByteBuffer.wrap(bytes), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk next = body;
            body = null;
            return next == null ? Content.Chunk.EOF : next;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public boolean consumeAvailable() {
            read();
            return true;
        }
    }
}
