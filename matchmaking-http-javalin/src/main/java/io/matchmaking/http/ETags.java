package io.matchmaking.http;

import io.matchmaking.core.match.Match;

/**
 * A match's entity tag is its version, quoted: {@code "3"}. {@code If-None-Match} matches when
 * any of its tags (weak or strong, quoted or not) names the current version, or is {@code *}.
 */
final class ETags {

    private ETags() {
    }

    static String of(Match match) {
        return "\"" + match.version() + "\"";
    }

    static boolean matches(String ifNoneMatch, Match match) {
        if (ifNoneMatch == null) {
            return false;
        }
        String version = Long.toString(match.version());
        for (String tag : ifNoneMatch.split(",")) {
            String bare = tag.trim();
            if (bare.equals("*")) {
                return true;
            }
            if (bare.startsWith("W/")) {
                bare = bare.substring(2);
            }
            if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
                bare = bare.substring(1, bare.length() - 1);
            }
            if (bare.equals(version)) {
                return true;
            }
        }
        return false;
    }
}
