package io.matchmaking.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A JDK HttpClient aimed at one test server. */
final class TestClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    TestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    TestResponse get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    TestResponse post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    TestResponse post(String path, byte[] body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    TestResponse method(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    CompletableFuture<TestResponse> getAsync(String path, String... headers) {
        return CLIENT.sendAsync(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new TestResponse(r.statusCode(), r.headers(), r.body()));
    }

    /** The header (name, value) that carries {@code token} as a bearer credential. */
    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    TestResponse join(String player, String... headers) {
        return post("/join", "{\"id\":\"" + player + "\"}", headers);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static TestResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
