package io.matchmaking.app;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * An HTTP/1.1 client aimed at one test server.
 *
 * <p>It is Jetty's client rather than the JDK's: the JDK client (17 and 21) can hand a request to a
 * pooled connection it is closing at that moment and fail it with "header parser received no bytes"
 * (JDK-8338569), which made load tests flaky. Jetty's client sends what the test gives it and nothing
 * more: no redirects followed, no compression asked for, no content type guessed, no agent header.
 */
final class TestClient {

    private static final int LARGEST_BODY = 16 * 1024 * 1024;
    private static final String NO_CONTENT_TYPE = null;
    private static final HttpClient CLIENT = startedClient();

    private final String base;

    TestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    TestResponse get(String path, String... headers) {
        return send(request("GET", path, headers));
    }

    TestResponse post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    TestResponse post(String path, byte[] body, String... headers) {
        return send(request("POST", path, headers).body(new BytesRequestContent(NO_CONTENT_TYPE, body)));
    }

    TestResponse method(String method, String path, String body, String... headers) {
        return send(request(method, path, headers)
                .body(new BytesRequestContent(NO_CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8))));
    }

    CompletableFuture<TestResponse> getAsync(String path, String... headers) {
        return new CompletableResponseListener(request("GET", path, headers), LARGEST_BODY)
                .send()
                .thenApply(TestResponse::of);
    }

    /** The header (name, value) that carries {@code token} as a bearer credential. */
    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    TestResponse join(String player, String... headers) {
        return post("/join", "{\"id\":\"" + player + "\"}", headers);
    }

    private Request request(String method, String path, String... headers) {
        return CLIENT.newRequest(base + path)
                .method(method)
                .timeout(90, TimeUnit.SECONDS)
                .headers(fields -> {
                    for (int i = 0; i + 1 < headers.length; i += 2) {
                        fields.add(headers[i], headers[i + 1]);
                    }
                });
    }

    private static TestResponse send(Request request) {
        try {
            ContentResponse response = new CompletableResponseListener(request, LARGEST_BODY).send().get();
            return TestResponse.of(response);
        } catch (ExecutionException e) {
            throw new IllegalStateException(request.getMethod() + " " + request.getURI() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient startedClient() {
        HttpClient client = new HttpClient();
        client.setFollowRedirects(false);
        client.setConnectTimeout(5_000);
        // Held long polls each hold a connection: tests hold up to a few thousand at once.
        client.setMaxConnectionsPerDestination(4096);
        client.setMaxRequestsQueuedPerDestination(16_384);
        client.setUserAgentField(null);
        client.getContentDecoderFactories().clear();
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the test HTTP client did not start", e);
        }
        return client;
    }
}
