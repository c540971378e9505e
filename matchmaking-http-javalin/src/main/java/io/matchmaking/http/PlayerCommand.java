package io.matchmaking.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.util.Optional;

/**
 * Reads the body of {@code /join} and {@code /leave}: an object with a string {@code id} (which a
 * player token may leave out: {@link Caller#actingAs}) and an optional string {@code queue}; other
 * fields are ignored. Every way it can be wrong is a 400 with a message that says which.
 */
final class PlayerCommand {

    private PlayerCommand() {
    }

    static JoinRequest join(byte[] body, Caller caller) {
        JsonNode object = object(body);
        return new JoinRequest(caller.actingAs(player(object)), queue(object));
    }

    static PlayerId leave(byte[] body, Caller caller) {
        return caller.actingAs(player(object(body)));
    }

    private static JsonNode object(byte[] body) {
        JsonNode node = Json.parse(body);
        if (!node.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        return node;
    }

    private static Optional<PlayerId> player(JsonNode object) {
        JsonNode id = object.get("id");
        if (id == null) {
            return Optional.empty();
        }
        if (!id.isTextual()) {
            throw ApiException.badRequest("id must be a string");
        }
        if (!PlayerId.isValid(id.textValue())) {
            throw ApiException.badRequest("id must be 1..64 characters of A-Z a-z 0-9 . _ : @ -");
        }
        return Optional.of(PlayerId.of(id.textValue()));
    }

    private static QueueName queue(JsonNode object) {
        JsonNode queue = object.get("queue");
        if (queue == null) {
            return QueueName.DEFAULT;
        }
        if (!queue.isTextual()) {
            throw ApiException.badRequest("queue must be a string");
        }
        if (!QueueName.isValid(queue.textValue())) {
            throw ApiException.badRequest("queue must be 1..64 characters of A-Z a-z 0-9 . _ : @ -");
        }
        return QueueName.of(queue.textValue());
    }
}
