package io.matchmaking.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** What a test request got back. */
record TestResponse(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
