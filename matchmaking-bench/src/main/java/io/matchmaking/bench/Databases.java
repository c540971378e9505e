package io.matchmaking.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * {@code Databases recreate|drop <jdbc url of the server> <name>}: a clean database for a
 * benchmark run, without needing a mysql client on the machine.
 */
public final class Databases {

    private Databases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[2].matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("usage: Databases recreate|drop <jdbc url> <database name>");
        }
        try (Connection connection = DriverManager.getConnection(args[1]);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + args[2]);
            if (args[0].equals("recreate")) {
                statement.execute("CREATE DATABASE " + args[2]);
            }
        }
    }
}
