package io.matchmaking.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL's (or MariaDB's) own counters over the measured window, per measured join: what a join costs
 * the database in commits, redo-log fsyncs, row-lock waits, statements and bytes, whatever the client's
 * speed. The counters are global: run nothing else against the database while measuring.
 */
final class DatabaseCounters {

    /** {@code SHOW GLOBAL STATUS} names, and what the report calls each. */
    private static final Map<String, String> COUNTERS = counters();

    private DatabaseCounters() {
    }

    private static Map<String, String> counters() {
        Map<String, String> counters = new LinkedHashMap<>();
        counters.put("Com_commit", "commits");
        counters.put("Innodb_data_fsyncs", "fsyncs");
        counters.put("Innodb_row_lock_waits", "row_lock_waits");
        counters.put("Innodb_row_lock_time", "row_lock_ms");
        counters.put("Questions", "statements");
        counters.put("Bytes_received", "bytes_in");
        counters.put("Bytes_sent", "bytes_out");
        return counters;
    }

    /** The counters now, read through {@code jdbcUrl}; the reading's own statement is in them. */
    static Map<String, Long> read(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                        + String.join("','", COUNTERS.keySet()) + "')")) {
            Map<String, Long> values = new LinkedHashMap<>();
            while (rows.next()) {
                values.put(rows.getString(1), Long.parseLong(rows.getString(2)));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's counters: " + e.getMessage(), e);
        }
    }

    /** One report line: each counter's growth from {@code before} to {@code after}, per join. */
    static String perJoin(Map<String, Long> before, Map<String, Long> after, long joins) {
        StringBuilder line = new StringBuilder("database per measured join:");
        long per = Math.max(joins, 1);
        COUNTERS.forEach((name, label) -> {
            Long grown = delta(before, after, name);
            if (grown != null) {
                line.append(String.format(Locale.ROOT, " %s=%.3f", label, grown / (double) per));
            }
        });
        Long commits = delta(before, after, "Com_commit");
        Long fsyncs = delta(before, after, "Innodb_data_fsyncs");
        if (commits != null && fsyncs != null && fsyncs > 0) {
            line.append(String.format(Locale.ROOT, " (commits per fsync %.2f)", commits / (double) fsyncs));
        }
        return line.toString();
    }

    private static Long delta(Map<String, Long> before, Map<String, Long> after, String name) {
        return before.containsKey(name) && after.containsKey(name) ? after.get(name) - before.get(name) : null;
    }
}
