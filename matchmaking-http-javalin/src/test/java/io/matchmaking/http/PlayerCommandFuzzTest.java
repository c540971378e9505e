package io.matchmaking.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Any body at all: {@code /join} and {@code /leave} parsing either yields a valid command or a 4xx
 * with a JSON error body that echoes nothing of the input, never another exception.
 * Runs the committed seeds in {@code PlayerCommandFuzzTestInputs/} on every build; fuzz for longer with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl matchmaking-http-javalin test -Dtest=PlayerCommandFuzzTest}.
 */
class PlayerCommandFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "30s")
    void anyJoinBodyIsACommandOrAClientError(byte[] body) throws IOException {
        try {
            JoinRequest request = PlayerCommand.join(body, Caller.SERVER);
            assertThat(PlayerId.isValid(request.player().value())).isTrue();
            assertThat(QueueName.isValid(request.queue().value())).isTrue();
        } catch (ApiException rejected) {
            assertClientError(rejected, body);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyLeaveBodyIsAPlayerOrAClientError(byte[] body) throws IOException {
        try {
            assertThat(PlayerId.isValid(PlayerCommand.leave(body, Caller.SERVER).value())).isTrue();
        } catch (ApiException rejected) {
            assertClientError(rejected, body);
        }
    }

    private static void assertClientError(ApiException rejected, byte[] body) throws IOException {
        assertThat(rejected.status()).isBetween(400, 499);
        JsonNode error = JSON.readTree(Json.bytes(new ErrorBody(rejected.getMessage())));
        assertThat(error.size()).isEqualTo(1);
        String message = error.get("error").asText();
        assertThat(message).isNotBlank();
        String input = new String(body, StandardCharsets.ISO_8859_1);
        if (input.length() >= 8) {
            assertThat(message).doesNotContain(input);
        }
    }
}
