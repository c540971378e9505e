package io.matchmaking.core.match;

import java.util.regex.Pattern;

/** The one charset rule shared by player ids, queue names and match ids: 1..64 URL- and log-safe characters. */
final class Identifiers {

    static final int MAX_LENGTH = 64;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_LENGTH + "}");

    private Identifiers() {
    }

    static boolean isValid(String value) {
        return value != null && SAFE.matcher(value).matches();
    }

    static String requireValid(String value, String what) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    what + " must be 1.." + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ : @ -");
        }
        return value;
    }
}
