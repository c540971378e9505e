package io.matchmaking.store.mysql;

import java.time.Duration;
import java.util.Objects;

/**
 * How the MySQL store connects and how patient it is.
 *
 * @param jdbcUrl           {@code jdbc:mysql://host:3306/database} (MariaDB answers the same URL)
 * @param user              user name; null when the URL carries it
 * @param password          password; null when none or in the URL
 * @param poolSize          connections this instance keeps
 * @param connectionTimeout how long a request waits for a connection before the store is
 *                          reported unavailable (503)
 * @param lockWaitTimeout   {@code innodb_lock_wait_timeout} of the store's sessions: how long a
 *                          unit waits for a queue's lock before it fails (and the core's
 *                          retry policy may run it again)
 */
public record MySqlStoreSettings(
        String jdbcUrl,
        String user,
        String password,
        int poolSize,
        Duration connectionTimeout,
        Duration lockWaitTimeout) {

    /** Rejects missing or nonsensical values. */
    public MySqlStoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(lockWaitTimeout, "lockWaitTimeout");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        if (lockWaitTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("lock wait timeout must be at least one second");
        }
    }

    /** 16 connections, 2 s to get one, 5 s lock waits. */
    public static MySqlStoreSettings of(String jdbcUrl, String user, String password) {
        return new MySqlStoreSettings(jdbcUrl, user, password, 16, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** These settings with another pool size. */
    public MySqlStoreSettings withPoolSize(int size) {
        return new MySqlStoreSettings(jdbcUrl, user, password, size, connectionTimeout, lockWaitTimeout);
    }

    /** These settings with another lock wait timeout (whole seconds). */
    public MySqlStoreSettings withLockWaitTimeout(Duration timeout) {
        return new MySqlStoreSettings(jdbcUrl, user, password, poolSize, connectionTimeout, timeout);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MySqlStoreSettings[url=" + Urls.withoutSecrets(jdbcUrl) + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
