package io.matchmaking.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Sends signed webhooks with the JDK's HTTP client: asynchronously, so a slow or dead receiver
 * holds no thread of ours, and never longer than the timeout. HTTP/1.1 only (the JDK would
 * otherwise offer an h2c upgrade that some receivers mishandle); the answer's body is discarded.
 */
public final class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;

    /** Gives each attempt {@code timeout} from connect to answer; the client's work runs on {@code executor}. */
    public WebhookSender(Duration timeout, Executor executor) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** One attempt to deliver {@code webhook} to {@code receiver}; the future never fails, its outcome says how it went. */
    public CompletableFuture<DeliveryOutcome> send(URI receiver, SignedWebhook webhook) {
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(webhook.body(), StandardCharsets.UTF_8));
        webhook.headers().forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                // the request timeout stops counting once the answer's headers are in: a backstop for the body
                .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure == null
                        ? DeliveryOutcome.of(response.statusCode())
                        : failed(failure));
    }

    private static DeliveryOutcome failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return new DeliveryOutcome(DeliveryOutcome.Kind.TIMED_OUT, 0, "no answer in time");
        }
        return new DeliveryOutcome(DeliveryOutcome.Kind.UNREACHABLE, 0, cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
}
