package io.matchmaking.store.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Finds the MySQL server the tests use, once per JVM:
 * <ol>
 *   <li>{@code MATCHMAKING_TEST_MYSQL_URL} (a JDBC URL; credentials in it, or in
 *       {@code MATCHMAKING_TEST_MYSQL_USER} / {@code MATCHMAKING_TEST_MYSQL_PASSWORD}); the user must
 *       be allowed to create and drop databases;</li>
 *   <li>else Testcontainers' MySQL 8.4, when Docker answers;</li>
 *   <li>else the test class is skipped with one line naming the variable, or fails when
 *       {@code MATCHMAKING_TEST_MYSQL_REQUIRED=true} (CI sets it: a MySQL test must never silently skip).</li>
 * </ol>
 */
public final class MySqlTestServer {

    public static final String URL_VARIABLE = "MATCHMAKING_TEST_MYSQL_URL";
    public static final String REQUIRED_VARIABLE = "MATCHMAKING_TEST_MYSQL_REQUIRED";
    private static final String IMAGE = "mysql:8.4";

    private static MySqlTestServer located;
    private static String absence;
    private static MySQLContainer container;

    private final String baseUrl;
    private final String user;
    private final String password;

    private MySqlTestServer(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** The server, or an aborted (skipped) test when there is none and none is required. */
    public static synchronized MySqlTestServer locate() {
        if (absence != null) {
            Assumptions.abort(absence);
        }
        if (located == null) {
            located = find();
        }
        return located;
    }

    private static MySqlTestServer find() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new MySqlTestServer(url.trim(), System.getenv("MATCHMAKING_TEST_MYSQL_USER"),
                    System.getenv("MATCHMAKING_TEST_MYSQL_PASSWORD"));
        }
        if (dockerAnswers()) {
            container = new MySQLContainer(IMAGE).withUsername("root").withPassword("test");
            container.start();
            return new MySqlTestServer(container.getJdbcUrl(), "root", "test");
        }
        String message = "MySQL tests need a server: set " + URL_VARIABLE
                + " (e.g. jdbc:mysql://127.0.0.1:3306/test?user=root) or start Docker";
        if ("true".equalsIgnoreCase(System.getenv(REQUIRED_VARIABLE))) {
            throw new IllegalStateException(message + " (" + REQUIRED_VARIABLE + "=true)");
        }
        absence = message;
        System.err.println("SKIPPED: " + message + " (said once; every MySQL test class skips)");
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The server's URL with {@code database} in place of the one it names. */
    public String urlOf(String database) {
        return urlOf(database, hostAndPort());
    }

    /** The same, reached through {@code address} ({@code host:port}, e.g. a proxy's) instead. */
    public String urlOf(String database, String address) {
        int hostStart = baseUrl.indexOf("//") + 2;
        int query = baseUrl.indexOf('?', hostStart);
        if (query < 0) {
            query = baseUrl.length();
        }
        int path = baseUrl.indexOf('/', hostStart);
        if (path < 0 || path > query) {
            path = query;
        }
        return baseUrl.substring(0, hostStart) + address + "/" + database + baseUrl.substring(query);
    }

    /** {@code host:port} of the server. */
    public String hostAndPort() {
        int hostStart = baseUrl.indexOf("//") + 2;
        int end = hostStart;
        while (end < baseUrl.length() && "/?".indexOf(baseUrl.charAt(end)) < 0) {
            end++;
        }
        String authority = baseUrl.substring(hostStart, end);
        return authority.contains(":") ? authority : authority + ":3306";
    }

    /** A connection to the server as named in the variable, for creating and dropping databases. */
    Connection adminConnection() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(baseUrl, properties);
    }
}
