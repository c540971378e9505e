package io.matchmaking.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.matchmaking.core.ConflictingUpdateException;
import io.matchmaking.core.DeadlineExceededException;
import io.matchmaking.core.IdempotencyKeyReusedException;
import io.matchmaking.core.OutcomeUnknownException;
import io.matchmaking.core.PartyMemberWaitingException;
import io.matchmaking.core.PartyTooLargeException;
import io.matchmaking.core.QueueNotAllowedException;
import io.matchmaking.core.TooManyQueuesException;
import io.matchmaking.core.StoreUnavailableException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into HTTP answers. Every answer is {@code {"error": ...}};
 * no stack trace, exception message of a dependency or class name ever reaches a client.
 */
final class ErrorMapping {

    /** Seconds a client should wait before retrying when the store is unavailable. */
    static final String RETRY_AFTER_SECONDS = "1";

    /** docs/consistency.md: what a client does with it. */
    static final String OUTCOME_UNKNOWN = "outcome unknown: the change may or may not have taken effect;"
            + " look it up (GET /players/{id}) or repeat the request with the same Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> {
            if (e.retryLater()) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            answer(ctx, e.status(), e.getMessage());
        });
        routes.exception(IdempotencyKeyReusedException.class, (e, ctx) -> answer(ctx, 422, e.getMessage()));
        routes.exception(QueueNotAllowedException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(PartyTooLargeException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        // the exact text API.md promises; which member is in the server's log line of the request, not the answer
        routes.exception(PartyMemberWaitingException.class, (e, ctx) -> answer(ctx, 409, "party member already waiting"));
        routes.exception(TooManyQueuesException.class, (e, ctx) -> {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            answer(ctx, 429, e.getMessage());
        });
        routes.exception(HttpResponseException.class, ErrorMapping::javalinResponse);
        routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("store unavailable on {} {}: {}", ctx.method(), Routes.template(ctx), e.getMessage());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            answer(ctx, 503, "store unavailable, retry later");
        });
        routes.exception(OutcomeUnknownException.class, (e, ctx) -> {
            LOG.warn("outcome unknown on {} {}: {}", ctx.method(), Routes.template(ctx), e.getMessage());
            answer(ctx, 504, OUTCOME_UNKNOWN);
        });
        routes.exception(DeadlineExceededException.class, (e, ctx) -> {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            answer(ctx, 503, "the request waited too long for its turn and did not take effect, retry later");
        });
        routes.exception(ConflictingUpdateException.class, (e, ctx) ->
                answer(ctx, 409, "concurrent requests for this player, retry"));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), Routes.template(ctx), e);
            answer(ctx, 500, "Internal Server Error");
        });
    }

    /** Javalin's own outcomes: unknown route, wrong method, body over the limit, ... */
    private static void javalinResponse(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        switch (status) {
            case 404 -> answer(ctx, 404, "not found");
            case 405 -> {
                String allowed = e.getDetails().get("availableMethods");
                if (allowed != null) {
                    ctx.header("Allow", allowed);
                }
                answer(ctx, 405, "method not allowed");
            }
            case 413 -> answer(ctx, 413, RequestBody.TOO_LARGE);
            default -> answer(ctx, status, reason(status));
        }
    }

    static String reason(int status) {
        return HttpStatus.getMessage(status).toLowerCase(Locale.ROOT);
    }

    private static void answer(Context ctx, int status, String message) {
        RequestBody.closeIfUnread(ctx);
        Json.respond(ctx, status, new ErrorBody(message));
    }
}
