package org.mayorsoffice.casework.shared.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Gets the application a database before anything else needs one.
 *
 * <ul>
 *   <li>If a Docker engine answers and no datasource URL was given explicitly, Spring Boot's
 *       Docker Compose support starts {@code docker-compose.yml}'s PostgreSQL.
 *   <li>Otherwise the configured server is used (by default a local PostgreSQL on
 *       localhost:5432); if it is reachable but the database is missing, it is created.
 *   <li>If no server can be reached, start-up stops with {@link DatabaseUnavailableException},
 *       which {@link DatabaseUnavailableFailureAnalyzer} turns into one readable message.
 * </ul>
 *
 * Runs as a context initializer (after logging is set up, before beans are created) and is
 * registered in {@code META-INF/spring.factories}.
 */
public class DatabaseBootstrap implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    private static final Log log = LogFactory.getLog(DatabaseBootstrap.class);
    private static final String COMPOSE_ENABLED = "spring.docker.compose.enabled";
    private static final String COMPOSE_CLASS =
            "org.springframework.boot.docker.compose.lifecycle.DockerComposeLifecycleManager";
    private static final Pattern POSTGRES_URL =
            Pattern.compile("^jdbc:postgresql://([^/?]*)/([^?]+)(\\?.*)?$");
    private static final Pattern SAFE_DB_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (useDockerCompose(env)) {
            log.info("Docker is running: PostgreSQL will be started from docker-compose.yml");
            return;
        }
        env.getPropertySources().addFirst(new MapPropertySource("databaseBootstrap", Map.of(COMPOSE_ENABLED, "false")));
        if (!env.getProperty("casework.database.create-if-missing", Boolean.class, true)) {
            return;
        }
        String url = env.getProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/casework");
        String username = env.getProperty("spring.datasource.username", "postgres");
        String password = env.getProperty("spring.datasource.password", "");
        ensureDatabase(url, username, password);
    }

    private boolean useDockerCompose(ConfigurableEnvironment env) {
        if (!ClassUtils.isPresent(COMPOSE_CLASS, getClass().getClassLoader())) {
            return false;
        }
        if ("false".equalsIgnoreCase(env.getProperty(COMPOSE_ENABLED))) {
            return false;
        }
        if (explicitlyConfigured(env, "spring.datasource.url") || !Files.exists(Path.of("docker-compose.yml"))) {
            return false;
        }
        return dockerEngineAnswers();
    }

    private static boolean explicitlyConfigured(ConfigurableEnvironment env, String property) {
        for (String source : new String[] {"systemEnvironment", "systemProperties", "commandLineArgs"}) {
            var propertySource = env.getPropertySources().get(source);
            if (propertySource != null
                    && (propertySource.containsProperty(property)
                            || propertySource.containsProperty(property.toUpperCase().replace('.', '_')))) {
                return true;
            }
        }
        return false;
    }

    static boolean dockerEngineAnswers() {
        String dockerHost = System.getenv("DOCKER_HOST");
        try {
            if (dockerHost != null && dockerHost.startsWith("tcp://")) {
                URI uri = URI.create(dockerHost.replace("tcp://", "http://"));
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
                    return true;
                }
            }
            Path socketPath = Path.of(dockerHost != null && dockerHost.startsWith("unix://")
                    ? dockerHost.substring("unix://".length())
                    : "/var/run/docker.sock");
            if (!Files.exists(socketPath)) {
                return false;
            }
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                return channel.connect(UnixDomainSocketAddress.of(socketPath));
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    static void ensureDatabase(String url, String username, String password) {
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            throw new DatabaseUnavailableException(url, "the URL is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        String server = matcher.group(1);
        String database = matcher.group(2);
        try (Connection ignored = connect(url, username, password)) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw new DatabaseUnavailableException(url, describe(e));
            }
        }
        if (!SAFE_DB_NAME.matcher(database).matches()) {
            throw new DatabaseUnavailableException(url, "database \"" + database + "\" does not exist");
        }
        String adminUrl = "jdbc:postgresql://" + server + "/postgres" + (matcher.group(3) == null ? "" : matcher.group(3));
        try (Connection connection = connect(adminUrl, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + database + "\"");
            log.info("Created PostgreSQL database \"" + database + "\" on " + server);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created by someone else meanwhile: fine
                throw new DatabaseUnavailableException(url, "database \"" + database + "\" does not exist and could not be created: " + describe(e));
            }
        }
    }

    private static Connection connect(String url, String username, String password) throws SQLException {
        Properties properties = new Properties();
        if (username != null && !username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    private static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return "the server did not accept a connection (" + firstLine(e.getMessage()) + ")";
        }
        if (state.startsWith("28")) {
            return "the server refused the user name or password (" + firstLine(e.getMessage()) + ")";
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
