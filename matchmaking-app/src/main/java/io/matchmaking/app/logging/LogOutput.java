package io.matchmaking.app.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** The process's log output as a whole. */
public final class LogOutput {

    private LogOutput() {
    }

    /**
     * Stops logback, which writes every line its appenders still hold ({@link BatchingConsoleAppender}
     * holds up to a millisecond of them): the last thing a process does before it exits.
     */
    public static void close() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
