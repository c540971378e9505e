package io.matchmaking.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.time.Instant;
import java.util.Objects;

/**
 * Signs deliveries with the Standard Webhooks reference library, so what receivers verify with
 * that library (or any other implementation of the spec) is what was signed here. Thread-safe.
 */
public final class WebhookSigner {

    private final Webhook webhook;

    /** Signs with {@code secret}. */
    public WebhookSigner(WebhookSecret secret) {
        try {
            this.webhook = new Webhook(secret.encoded());
        } catch (EmptyWebhookSecretException refused) {
            // parse() accepted it: the library refusing it would be a bug in one of us, not bad input
            throw new IllegalStateException("the signing library refused a valid webhook secret", refused);
        }
    }

    /**
     * The attempt at {@code at} to deliver event {@code id} with {@code body}.
     *
     * @throws IllegalArgumentException for an id the spec does not allow (empty, or with a '.')
     */
    public SignedWebhook sign(String id, Instant at, String body) {
        Objects.requireNonNull(at, "at");
        if (id.isEmpty() || id.indexOf('.') >= 0) {
            // the signed content is "<id>.<timestamp>.<body>": a '.' in the id would make it ambiguous
            throw new IllegalArgumentException("a webhook id is not empty and has no '.'");
        }
        long timestamp = at.getEpochSecond();
        try {
            return new SignedWebhook(id, timestamp, body, webhook.sign(id, timestamp, body));
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("signing webhook " + id + " failed", e);
        }
    }
}
