package org.mayorsoffice.casework.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL database for this test run: Testcontainers when Docker answers, otherwise a
 * fresh throwaway database on a running server ({@code TEST_DATABASE_URL}, default
 * {@code jdbc:postgresql://localhost:5432/postgres}), dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static volatile TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private static TestDatabase start() {
        if (System.getenv("TEST_DATABASE_URL") == null && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            log.info("Tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return throwawayDatabase();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestDatabase throwawayDatabase() {
        String serverUrl = env("TEST_DATABASE_URL", "jdbc:postgresql://localhost:5432/postgres");
        String user = env("TEST_DATABASE_USERNAME", "postgres");
        String pass = env("TEST_DATABASE_PASSWORD", "");
        String name = "casework_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, pass);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("No Docker, and no PostgreSQL at " + serverUrl
                    + " to create a throwaway test database in. Start PostgreSQL or set TEST_DATABASE_URL"
                    + " (see README, 'Tests'): " + e.getMessage(), e);
        }
        String url = serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        log.info("Docker is not available: tests use the throwaway database {} on {}", name, serverUrl);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, user, pass, name), "drop-test-database"));
        return new TestDatabase(url, user, pass);
    }

    private static void drop(String serverUrl, String user, String pass, String name) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, pass);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
