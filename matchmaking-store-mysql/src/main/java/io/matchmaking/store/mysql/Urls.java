package io.matchmaking.store.mysql;

/** JDBC URLs for messages: credentials (in the query string, or as {@code user:password@}) are never logged or shown. */
final class Urls {

    private static final String SCHEME_END = "://";

    private Urls() {
    }

    static String withoutSecrets(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        int authority = base.indexOf(SCHEME_END);
        int credentialsEnd = base.lastIndexOf('@');
        if (authority >= 0 && credentialsEnd > authority) {
            base = base.substring(0, authority + SCHEME_END.length()) + base.substring(credentialsEnd + 1);
        }
        return base;
    }

    /** What the URL points at, as an operator names it: {@code host:port/database}. */
    static String target(String jdbcUrl) {
        String base = withoutSecrets(jdbcUrl);
        int authority = base.indexOf(SCHEME_END);
        return authority < 0 ? base : base.substring(authority + SCHEME_END.length());
    }
}
