package io.matchmaking.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads typed values from environment variables, failing with one clear line per bad value. */
final class EnvironmentReader {

    private final Map<String, String> env;

    EnvironmentReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The trimmed value, or empty when unset or blank. */
    Optional<String> text(String name) {
        if (!KnownVariables.NAMES.contains(name)) {
            throw new IllegalArgumentException(name + " is read but missing from KnownVariables.NAMES");
        }
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A whole number in {@code min..max}; {@code unit} (" seconds" or "") is only for the message. */
    int integer(String name, int fallback, int min, int max, String unit) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the same message as an out-of-range number
        }
        throw new ConfigException(name + " must be between " + min + " and " + max + unit
                + " (got \"" + raw.get() + "\")");
    }

    Duration seconds(String name, long fallback, long min, long max) {
        return Duration.ofSeconds(integer(name, (int) fallback, (int) min, (int) max, " seconds"));
    }

    <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            StringBuilder choices = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                choices.append(choices.length() == 0 ? "" : " or ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new ConfigException(name + " must be " + choices + " (got \"" + raw.get() + "\")");
        }
    }
}
