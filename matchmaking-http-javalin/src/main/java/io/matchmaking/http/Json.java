package io.matchmaking.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;

/** The one JSON mapper of the adapter: strict when reading, and the only writer of bodies. */
final class Json {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /** Parses a request body; anything that is not one well-formed JSON value is a 400. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("request body must be a JSON object");
            }
            return node;
        } catch (IOException malformed) {
            // JsonProcessingException, and also CharConversionException for bytes that look like an
            // impossible UTF-32 text: the body is in memory, so every IOException is the body's fault
            throw ApiException.badRequest("request body is not valid JSON");
        }
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Answers {@code status} with {@code value} as the JSON body, written straight to the servlet
     * response: {@code ctx.result} copies every answer through a fresh 32 KiB buffer (a third of all
     * the memory a join allocated), and {@code ctx.outputStream()} decides on compression, which the
     * server does not use, by scanning a list of MIME types (7 % of a join's CPU).
     */
    static void respond(Context ctx, int status, Object value) {
        byte[] body = bytes(value);
        ctx.status(status).contentType(CONTENT_TYPE);
        ctx.res().setContentLength(body.length);
        try {
            ctx.res().getOutputStream().write(body);
        } catch (IOException clientGone) {
            // the client closed its connection: nobody is left to answer, and it is not a server error
            // (Javalin treats a failed write of ctx.result the same way)
        }
    }
}
