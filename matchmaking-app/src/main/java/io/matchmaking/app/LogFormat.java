package io.matchmaking.app;

/** How log lines are written to standard output. */
enum LogFormat {
    /** One human-readable line per event; the default. */
    TEXT,
    /** One JSON object per line, for log pipelines. */
    JSON
}
