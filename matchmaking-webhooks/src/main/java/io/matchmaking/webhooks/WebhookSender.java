package io.matchmaking.webhooks;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends signed webhooks with Jetty's HTTP client (the server's own HTTP stack): asynchronously, so
 * a slow or dead receiver holds no thread, over kept-alive HTTP/1.1 connections, and never longer
 * than the timeout from the start of the attempt to the end of the answer, whose body is discarded.
 *
 * <p>Not the JDK's client: on a machine with two cores its {@code sendAsync} starts a new thread
 * for every request (its completion runs on {@code CompletableFuture}'s default executor, a thread
 * per task when the common pool has one thread), which measured several times the CPU of a join.
 */
public final class WebhookSender implements AutoCloseable {

    private final HttpClient client;
    private final Duration timeout;

    /** Gives each attempt {@code timeout}; at most {@code maxConnections} open to one receiver. */
    public WebhookSender(Duration timeout, int maxConnections) {
        this.timeout = timeout;
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName("webhook-sender");
        threads.setDaemon(true);
        client = new HttpClient();
        client.setExecutor(threads);
        client.setConnectTimeout(timeout.toMillis());
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(maxConnections);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "matchmaking-webhooks"));
        try {
            client.start();
        } catch (Exception cannotStart) {
            throw new IllegalStateException("the webhook HTTP client did not start", cannotStart);
        }
    }

    /** One attempt to deliver {@code webhook} to {@code receiver}; the future never fails, its outcome says how it went. */
    public CompletableFuture<DeliveryOutcome> send(URI receiver, SignedWebhook webhook) {
        CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();
        Request request = client.POST(receiver)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .body(new StringRequestContent("application/json", webhook.body(), StandardCharsets.UTF_8))
                .headers(headers -> webhook.headers().forEach(headers::put));
        request.send(result -> outcome.complete(result.isFailed()
                ? failed(result.getFailure())
                : DeliveryOutcome.of(result.getResponse().getStatus())));
        return outcome;
    }

    private static DeliveryOutcome failed(Throwable failure) {
        if (failure instanceof TimeoutException || failure instanceof SocketTimeoutException) {
            return new DeliveryOutcome(DeliveryOutcome.Kind.TIMED_OUT, 0, "no answer in time");
        }
        return new DeliveryOutcome(DeliveryOutcome.Kind.UNREACHABLE, 0, failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    /** Ends open connections and attempts in flight (their outcomes: unreachable). */
    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception stopping) {
            // closing on the way out: nothing left to save
        }
    }
}
