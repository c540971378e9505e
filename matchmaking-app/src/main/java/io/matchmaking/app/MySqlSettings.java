package io.matchmaking.app;

/**
 * How to reach MySQL.
 *
 * @param url      JDBC URL
 * @param user     user name, may be null when the URL carries it
 * @param password password, may be null
 * @param poolSize connections per instance
 */
record MySqlSettings(String url, String user, String password, int poolSize) {

    @Override
    public String toString() {
        return "MySqlSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
