package io.matchmaking.bench;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** What a load generator request does. */
enum Operation {
    /** {@code POST /join} a new player. */
    JOIN,
    /** {@code GET /status/{id}} of the connection's latest match. */
    STATUS,
    /** {@code GET /status/{id}?wait=1} with {@code If-None-Match}: held up to a second. */
    LONGPOLL;

    /** {@code join:80,status:15,longpoll:5}. */
    static Map<Operation, Integer> parseMix(String text) {
        Map<Operation, Integer> mix = new EnumMap<>(Operation.class);
        for (String part : text.split(",")) {
            String[] pair = part.split(":");
            mix.put(Operation.valueOf(pair[0].trim().toUpperCase(Locale.ROOT)), Integer.parseInt(pair[1].trim()));
        }
        return mix;
    }
}
