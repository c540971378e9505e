package io.matchmaking.http;

/**
 * An expected HTTP outcome other than 200 (bad input, not found, unauthorized), raised by a
 * route and turned into {@code {"error": message}} with {@code status} by {@link ErrorMapping}.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final long retryAfterSeconds;

    ApiException(int status, String message) {
        this(status, message, 0);
    }

    private ApiException(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** A dependency of the answer (not the store) is down: 503 with Retry-After. */
    static ApiException unavailable(String message) {
        return new ApiException(503, message, 1);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** The same Idempotency-Key is being served: 409, with Retry-After, as the idempotency-key draft says. */
    static ApiException inFlight() {
        return new ApiException(409, "a request with this Idempotency-Key is still in flight, retry later", 1);
    }

    /** Over a rate limit: 429, with the seconds until the next request would be served. */
    static ApiException tooManyRequests(String message, long retryAfterSeconds) {
        return new ApiException(429, message, retryAfterSeconds);
    }

    int status() {
        return status;
    }

    /** Whether the answer says when to try again ({@code Retry-After}). */
    boolean retryLater() {
        return retryAfterSeconds > 0;
    }

    /** The seconds its {@code Retry-After} says; 0 when it has none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
