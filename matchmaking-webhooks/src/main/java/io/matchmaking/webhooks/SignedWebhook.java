package io.matchmaking.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery attempt of an event, signed as Standard Webhooks v1 says: the receiver checks
 * {@code signature} against {@code "<id>.<timestamp>.<body>"} and dedupes by {@code id}, which stays
 * the same on every attempt; {@code timestamp} is the attempt's own.
 *
 * @param id        the event's id ({@code webhook-id})
 * @param timestamp Unix seconds of this attempt ({@code webhook-timestamp})
 * @param body      the JSON body, sent byte for byte as signed (UTF-8)
 * @param signature {@code v1,<base64 HMAC-SHA256>} ({@code webhook-signature})
 */
public record SignedWebhook(String id, long timestamp, String body, String signature) {

    /** Rejects missing parts. */
    public SignedWebhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signature, "signature");
    }

    /** The three headers of the spec, in its order, and the body's type. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        headers.put("content-type", "application/json");
        return headers;
    }
}
