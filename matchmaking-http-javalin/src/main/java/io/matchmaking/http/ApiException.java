package io.matchmaking.http;

/**
 * An expected HTTP outcome other than 200 (bad input, not found, unauthorized), raised by a
 * route and turned into {@code {"error": message}} with {@code status} by {@link ErrorMapping}.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    int status() {
        return status;
    }
}
