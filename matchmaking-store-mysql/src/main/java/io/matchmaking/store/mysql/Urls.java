package io.matchmaking.store.mysql;

/** JDBC URLs for messages: credentials in the query string are never logged or shown. */
final class Urls {

    private Urls() {
    }

    static String withoutSecrets(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
