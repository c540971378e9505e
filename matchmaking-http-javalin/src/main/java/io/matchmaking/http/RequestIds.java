package io.matchmaking.http;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request gets an id, echoed in {@code X-Request-Id} and written in its log line: the
 * caller's own if it is sane (1..64 safe characters, so it cannot forge log lines), else a
 * random 128-bit hex id.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "matchmaking.requestId";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@+/=-]{1,64}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : generate();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }

    /** 32 hex digits of randomness, built by hand: String.format costs more than the rest of a join. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long bits = random.nextLong();
        for (int i = 0; i < 32; i++) {
            if (i == 16) {
                bits = random.nextLong();
            }
            id[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(id);
    }
}
