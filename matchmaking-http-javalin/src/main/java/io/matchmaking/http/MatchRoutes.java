package io.matchmaking.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.matchmaking.core.Deadline;
import io.matchmaking.core.JoinQueue;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.LeaveQueue;
import io.matchmaking.core.LeaveRequest;
import io.matchmaking.core.LeaveResult;
import io.matchmaking.core.ReadMatches;
import io.matchmaking.core.match.IdempotencyKey;
import io.matchmaking.core.match.Match;
import io.matchmaking.json.MatchView;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.http.watch.MatchWatchers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * The API routes: JSON in, one core call, JSON out. Rules live in the core; errors in
 * {@link ErrorMapping}. Every match answer carries the match's version as its {@code ETag}.
 */
final class MatchRoutes {

    private final JoinQueue joins;
    private final LeaveQueue leaves;
    private final ReadMatches reads;
    private final Executor requestThreads;
    private final MatchWatchers watchers;
    private final Duration requestDeadline;
    private final int maxLongPolls;
    private final IdempotencyKeys keys = new IdempotencyKeys();

    MatchRoutes(JoinQueue joins, LeaveQueue leaves, ReadMatches reads, Executor requestThreads,
            MatchWatchers watchers, Duration requestDeadline, int maxLongPolls) {
        this.joins = joins;
        this.leaves = leaves;
        this.reads = reads;
        this.requestThreads = requestThreads;
        this.watchers = watchers;
        this.requestDeadline = requestDeadline;
        this.maxLongPolls = maxLongPolls;
    }

    void register(RoutesConfig routes) {
        routes.post("/join", this::join);
        Routes.get(routes, "/status/{match_id}", this::status);
        routes.post("/leave", this::leave);
        Routes.get(routes, "/players/{player_id}", this::player);
        Routes.get(routes, "/queues", this::queues);
    }

    /**
     * A join answered at once (the memory store: its future is complete on return) is answered on
     * this thread. One that waits for a shared unit (group commit) holds no thread meanwhile, and
     * its answer is written on a request thread, not on the leader that committed it: the leader is
     * one thread, and every answer it wrote delayed the next unit. A failure reaches
     * {@link ErrorMapping} like a thrown one.
     */
    private void join(Context ctx) {
        Optional<IdempotencyKey> key = IdempotencyKeys.of(ctx);
        JoinRequest unkeyed = PlayerCommand.join(RequestBody.read(ctx), Authentication.of(ctx)).withDeadline(deadline(ctx));
        JoinRequest request = key.map(unkeyed::withKey).orElse(unkeyed);
        Runnable served = keys.serve(request.player(), key);
        CompletableFuture<JoinResult> joined;
        try {
            joined = joins.joinAsync(request);
        } catch (RuntimeException | Error failed) {
            served.run();
            throw failed;
        }
        if (joined.isDone() && !joined.isCompletedExceptionally()) {
            served.run();
            respond(ctx, joined.join().match());
        } else {
            ctx.future(() -> joined
                    .whenComplete((result, failure) -> served.run())
                    .thenAcceptAsync(result -> respond(ctx, result.match()), requestThreads));
        }
    }

    /**
     * With {@code ?wait=N} a waiting match's status is held until the match changes or N seconds
     * pass, without holding a thread. {@code If-None-Match} equal to the current version answers
     * 304 (with {@code wait}: after waiting for a change first). Beyond the most long polls held at
     * once, one that would be held is 503 with {@code Retry-After}.
     */
    private void status(Context ctx) {
        Duration wait = WaitParameter.of(ctx);
        Match match = find(ctx.pathParam("match_id"), Authentication.of(ctx));
        String ifNoneMatch = ctx.header("If-None-Match");
        boolean clientIsBehind = ifNoneMatch != null && !ETags.matches(ifNoneMatch, match);
        if (wait.isZero() || match.isReady() || clientIsBehind) {
            respondConditionally(ctx, match, ifNoneMatch);
            return;
        }
        if (watchers.size() >= maxLongPolls) {
            throw ApiException.unavailable("too many long polls held, retry later");
        }
        // a change committed between our read and the registration would otherwise be missed
        CompletableFuture<Optional<Match>> change = watchers.awaitChange(match, wait, () -> reads.findMatch(match.id()));
        // a timeout (or shutdown) answers with the state this request read: a change since would have
        // released the waiter, and the watchers' one thread reads no store. Written by the thread that
        // releases it: at shutdown that is the stopping thread, before the server stops
        ctx.future(() -> change.thenAccept(changed -> respondConditionally(ctx, changed.orElse(match), ifNoneMatch)));
    }

    /** A match the caller may see: to a player, another match is as missing as one that never was. */
    private Match find(String id, Caller caller) {
        Optional<Match> match = MatchId.isValid(id) ? reads.findMatch(MatchId.of(id)) : Optional.empty();
        return match.filter(caller::maySee).orElseThrow(() -> ApiException.notFound("match not found"));
    }

    private static void respondConditionally(Context ctx, Match match, String ifNoneMatch) {
        if (ETags.matches(ifNoneMatch, match)) {
            ctx.header("ETag", ETags.of(match)).status(304);
        } else {
            respond(ctx, match);
        }
    }

    private static void respond(Context ctx, Match match) {
        ctx.header("ETag", ETags.of(match));
        Json.respond(ctx, 200, MatchView.of(match));
    }

    /**
     * A change must start its unit within the deadline of the request's arrival (when Jetty read
     * its first bytes, so time spent waiting for a request thread counts), or it never runs.
     */
    private Deadline deadline(Context ctx) {
        return Deadline.after(ServletContextRequest.getServletContextRequest(ctx.req()).getBeginNanoTime(), requestDeadline);
    }

    private void leave(Context ctx) {
        Optional<IdempotencyKey> key = IdempotencyKeys.of(ctx);
        PlayerId player = PlayerCommand.leave(RequestBody.read(ctx), Authentication.of(ctx));
        Runnable served = keys.serve(player, key);
        LeaveResult result;
        try {
            result = leaves.leave(new LeaveRequest(player, deadline(ctx), key));
        } finally {
            served.run();
        }
        if (result instanceof LeaveResult.Left left) {
            respond(ctx, left.match());
        } else {
            throw ApiException.notFound("player not waiting");
        }
    }

    private void player(Context ctx) {
        String id = ctx.pathParam("player_id");
        if (!PlayerId.isValid(id)) {
            throw ApiException.notFound("player not found");
        }
        if (!Authentication.of(ctx).mayAskAbout(PlayerId.of(id))) {
            throw ApiException.forbidden("a player token may only ask about its own player");
        }
        Match match = reads.findPlayerMatch(PlayerId.of(id))
                .orElseThrow(() -> ApiException.notFound("player not found"));
        if (match.isReady()) {
            respond(ctx, match);
            return;
        }
        ctx.header("ETag", ETags.of(match));
        Json.respond(ctx, 200, PlayerPlaceView.of(match, reads.expectedWait(match)));
    }

    private void queues(Context ctx) {
        if (!Authentication.of(ctx).mayReadQueues()) {
            throw ApiException.forbidden("only the server credential may read every queue");
        }
        Json.respond(ctx, 200, QueuesView.of(reads.queues()));
    }
}
