package io.matchmaking.store.mysql;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the schema at start-up with Flyway's versioned migrations
 * ({@code io/matchmaking/store/mysql/migration/V*.sql}); many instances starting at once are safe,
 * Flyway serializes them with a lock of its own.
 */
final class SchemaMigrations {

    static final String HISTORY_TABLE = "mm_schema_history";

    private SchemaMigrations() {
    }

    /** Migrates the schema to the newest version and returns that version ("1", "2", ...). */
    static String migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:io/matchmaking/store/mysql/migration")
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .load();
        flyway.migrate();
        return flyway.info().current().getVersion().getVersion();
    }
}
