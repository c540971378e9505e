package io.matchmaking.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;

/**
 * The baseline: a bare Javalin 7 {@code POST /join} that parses the same JSON body and answers a
 * small JSON object, with no matchmaking, logging or metrics. The server's join throughput is
 * judged against this.
 *
 * <pre>java -cp matchmaking-bench/target/matchmaking-bench.jar io.matchmaking.bench.BareJavalinServer 8079</pre>
 */
public final class BareJavalinServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BareJavalinServer() {
    }

    record Answer(@JsonProperty("match_id") String matchId, @JsonProperty("status") String status,
            @JsonProperty("players") List<String> players, @JsonProperty("updated_at") long updatedAt) {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8079;
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/join", ctx -> {
                JsonNode body = JSON.readTree(ctx.bodyAsBytes());
                String id = body.get("id").asText();
                Answer answer = new Answer("bare", "waiting", List.of(id), System.currentTimeMillis() / 1000);
                ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(answer));
            });
        }).start(port);
    }
}
