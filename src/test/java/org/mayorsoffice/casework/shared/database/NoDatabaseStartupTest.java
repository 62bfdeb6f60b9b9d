package org.mayorsoffice.casework.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.CaseworkApplication;

/** Starting the real application with no reachable database ends with one readable message, not a stack trace. */
class NoDatabaseStartupTest {

    @Test
    void startupWithoutADatabaseExplainsWhatToDo() throws Exception {
        Path output = Files.createTempFile("casework-no-db", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                        CaseworkApplication.class.getName(), "--server.port=0", "--spring.docker.compose.enabled=false"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .directory(new File(System.getProperty("java.io.tmpdir")));
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/casework");
        builder.environment().put("CASEWORK_DEMO_DATA_ENABLED", "false");
        Process process = builder.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);

        assertThat(exited).as("the application stops by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(log)
                .contains("APPLICATION FAILED TO START")
                .contains("cannot reach its PostgreSQL database at jdbc:postgresql://127.0.0.1:1/casework")
                .contains("SPRING_DATASOURCE_URL")
                .contains("start PostgreSQL");
        assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")).count())
                .as("stack trace lines in:%n%s", log)
                .isZero();
    }

    @Test
    void aMissingDatabaseIsCreatedOnAReachableServer() throws Exception {
        var database = org.mayorsoffice.casework.support.TestDatabase.get();
        String name = "casework_bootstrap_" + System.nanoTime();
        String url = database.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        try {
            DatabaseBootstrap.ensureDatabase(url, database.username(), database.password());
            try (var connection = java.sql.DriverManager.getConnection(url, database.username(), database.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
            DatabaseBootstrap.ensureDatabase(url, database.username(), database.password()); // second start: no-op
        } finally {
            try (var connection = database.connect(); var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
