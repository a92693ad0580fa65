package org.commonground.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the tests run against: the server named by {@code COMMONGROUND_TEST_DATABASE_URL} (or
 * {@code SPRING_DATASOURCE_URL}), or else an embedded one. Either way, each test run gets a fresh database,
 * dropped when the run ends.
 */
public final class TestDatabase {

    private static String url;
    private static String server;

    private TestDatabase() {
    }

    /** JDBC URL of this run's fresh database (with user and password in it). */
    public static synchronized String url() {
        if (url == null) {
            server = serverUrl();
            url = createFreshDatabase(server);
        }
        return url;
    }

    /** Another fresh database on the same server, for a test that needs an empty one of its own. */
    public static synchronized String anotherUrl() {
        url();
        return createFreshDatabase(server);
    }

    private static String serverUrl() {
        String configured = System.getenv("COMMONGROUND_TEST_DATABASE_URL");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("SPRING_DATASOURCE_URL");
        }
        if (configured != null && !configured.isBlank()) {
            return withCredentials(configured);
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Tests need PostgreSQL: set COMMONGROUND_TEST_DATABASE_URL "
                    + "(e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres) to a server where this user may "
                    + "create databases. The embedded one could not start (it refuses to run as root): " + e.getMessage(), e);
        }
    }

    private static String withCredentials(String jdbcUrl) {
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");
        String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
        if (user == null || jdbcUrl.contains("user=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + user + (password == null ? "" : "&password=" + password);
    }

    private static String createFreshDatabase(String server) {
        String name = "cg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(server, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(server, "drop database if exists " + name + " with (force)");
            } catch (RuntimeException ignored) {
                // best effort: a leftover test database is harmless
            }
        }));
        return replaceDatabase(server, name);
    }

    /** jdbc:postgresql://host:port/db?params with db replaced. */
    static String replaceDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        return jdbcUrl.substring(0, slash + 1) + database + tail;
    }

    private static void execute(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }
}
