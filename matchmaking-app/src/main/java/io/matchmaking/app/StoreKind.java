package io.matchmaking.app;

/** Where matches are kept. */
enum StoreKind {
    /** In this process; the default. */
    MEMORY,
    /** In a MySQL (or MariaDB) database shared by any number of instances. */
    MYSQL
}
