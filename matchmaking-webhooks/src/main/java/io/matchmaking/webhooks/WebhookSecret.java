package io.matchmaking.webhooks;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The key webhooks are signed with, in the Standard Webhooks form {@code whsec_<base64>}: 24 to 64
 * random bytes (the spec's range). Parsed once at start-up, so a malformed secret stops the server
 * with a clear message instead of failing every delivery; never printed.
 */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;

    private final String encoded;
    private final byte[] key;

    private WebhookSecret(String encoded, byte[] key) {
        this.encoded = encoded;
        this.key = key;
    }

    /**
     * The secret written as {@code whsec_<base64 of 24..64 bytes>}.
     *
     * @throws IllegalArgumentException for any other form; the message never repeats the value
     */
    public static WebhookSecret parse(String value) {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX
                    + " followed by base64 of " + MIN_BYTES + " to " + MAX_BYTES + " random bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a webhook secret's part after " + PREFIX + " must be base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook secret holds " + MIN_BYTES + " to " + MAX_BYTES
                    + " bytes, not " + key.length);
        }
        return new WebhookSecret(value, key);
    }

    /** The secret as written, for the signing library. */
    String encoded() {
        return encoded;
    }

    /** The key's bytes (a copy). */
    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && Arrays.equals(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "WebhookSecret[" + key.length + " bytes]";
    }
}
