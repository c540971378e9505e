package io.matchmaking.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.LeaveResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import java.util.Optional;

/** The API routes: JSON in, one core call, JSON out. Rules live in the core; errors in {@link ErrorMapping}. */
final class MatchRoutes {

    private final Matchmaker matchmaker;

    MatchRoutes(Matchmaker matchmaker) {
        this.matchmaker = matchmaker;
    }

    void register(RoutesConfig routes) {
        routes.post("/join", this::join);
        routes.get("/status/{match_id}", this::status);
        routes.post("/leave", this::leave);
        routes.get("/players/{player_id}", this::player);
        routes.get("/queues", this::queues);
    }

    private void join(Context ctx) {
        JoinRequest request = PlayerCommand.join(RequestBody.read(ctx));
        Json.respond(ctx, 200, MatchView.of(matchmaker.join(request).match()));
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("match_id");
        Optional<Match> match = MatchId.isValid(id) ? matchmaker.findMatch(MatchId.of(id)) : Optional.empty();
        Json.respond(ctx, 200, MatchView.of(match.orElseThrow(() -> ApiException.notFound("match not found"))));
    }

    private void leave(Context ctx) {
        PlayerId player = PlayerCommand.leave(RequestBody.read(ctx));
        LeaveResult result = matchmaker.leave(player);
        if (result instanceof LeaveResult.Left left) {
            Json.respond(ctx, 200, MatchView.of(left.match()));
        } else {
            throw ApiException.notFound("player not waiting");
        }
    }

    private void player(Context ctx) {
        String id = ctx.pathParam("player_id");
        if (!PlayerId.isValid(id)) {
            throw ApiException.notFound("player not found");
        }
        Match match = matchmaker.findPlayerMatch(PlayerId.of(id))
                .orElseThrow(() -> ApiException.notFound("player not found"));
        Json.respond(ctx, 200, MatchView.of(match));
    }

    private void queues(Context ctx) {
        Json.respond(ctx, 200, QueuesView.of(matchmaker.queues()));
    }
}
