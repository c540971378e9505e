package io.matchmaking.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpFields;

/** What a test request got back. */
record TestResponse(int status, HttpFields headers, String body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static TestResponse of(ContentResponse response) {
        return new TestResponse(response.getStatus(), response.getHeaders(), response.getContentAsString());
    }

    JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    String header(String name) {
        return headers.get(name);
    }
}
