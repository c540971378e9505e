package io.matchmaking.app;

/** A configuration value is missing or invalid; the message is the one line the operator sees. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }
}
