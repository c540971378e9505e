package io.matchmaking.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of {@code /join} and {@code /leave}: an object with a string {@code id} (which a
 * player token may leave out: {@link Caller#actingAs}), an optional string {@code queue} and, for a
 * join, an optional {@code party} array of the other members' ids ({@link Caller#mayQueueWith});
 * other fields are ignored. Every way it can be wrong is a 400 with a message that says which.
 */
final class PlayerCommand {

    private PlayerCommand() {
    }

    static JoinRequest join(byte[] body, Caller caller) {
        JsonNode object = object(body);
        JoinRequest solo = new JoinRequest(caller.actingAs(player(object)), queue(object));
        List<PlayerId> party = party(object);
        if (party.isEmpty()) {
            return solo;
        }
        if (!caller.mayQueueWith(party)) {
            throw ApiException.forbidden("a player token may submit a party only of players its party claim lists");
        }
        return solo.withParty(party);
    }

    /** The other members, as listed; a party of one (an empty array, or only the submitter) is a solo join. */
    private static List<PlayerId> party(JsonNode object) {
        JsonNode party = object.get("party");
        if (party == null || party.isNull()) {
            return List.of();
        }
        if (!party.isArray() || party.size() > Match.MAX_SIZE) {
            throw ApiException.badRequest("party must be an array of at most " + Match.MAX_SIZE + " player ids");
        }
        List<PlayerId> members = new ArrayList<>(party.size());
        for (JsonNode member : party) {
            if (!member.isTextual() || !PlayerId.isValid(member.textValue())) {
                throw ApiException.badRequest("party must list player ids of 1..64 characters of A-Z a-z 0-9 . _ : @ -");
            }
            members.add(PlayerId.of(member.textValue()));
        }
        return members;
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
