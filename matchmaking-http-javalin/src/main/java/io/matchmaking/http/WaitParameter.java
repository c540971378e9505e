package io.matchmaking.http;

import io.javalin.http.Context;
import java.time.Duration;

/** {@code ?wait=N}: how long a status request may be held, 0..60 whole seconds; absent means 0. */
final class WaitParameter {

    static final int MAX_SECONDS = 60;

    private WaitParameter() {
    }

    static Duration of(Context ctx) {
        String raw = ctx.queryParam("wait");
        if (raw == null) {
            return Duration.ZERO;
        }
        if (raw.isEmpty() || raw.length() > 2 || !raw.chars().allMatch(Character::isDigit)
                || Integer.parseInt(raw) > MAX_SECONDS) {
            throw ApiException.badRequest("wait must be a whole number of seconds from 0 to " + MAX_SECONDS);
        }
        return Duration.ofSeconds(Integer.parseInt(raw));
    }
}
