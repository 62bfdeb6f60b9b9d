package org.mayorsoffice.casework.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL server for one test class, which the test may stop and start at will (a database
 * outage) without disturbing the shared server other tests and engineers use. Created with the installed
 * server's {@code initdb} in a temporary directory on a free port; as root it runs as the {@code postgres}
 * user, as PostgreSQL requires. {@link #close()} stops it and deletes its files.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;

    private ThrowawayPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    public static ThrowawayPostgres start() {
        Path bin = serverBin();
        try {
            Path dir = Files.createTempDirectory("casework-pg-");
            if (root()) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            int port = freePort();
            ThrowawayPostgres server = new ThrowawayPostgres(bin, dir, port);
            server.asOwner(bin.resolve("initdb") + " -D " + dir.resolve("data") + " -U postgres --auth-local=trust"
                    + " --auth-host=trust -E UTF8 --locale=C.UTF-8");
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server again after {@link #stopServer()}; returns when it accepts connections. */
    public void startServer() {
        asOwner(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("server.log") + " -w start -o '-p "
                + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off'");
    }

    /** Stops the server (fast shutdown: open connections are cut, as in a crash of the database host). */
    public void stopServer() {
        asOwner(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m fast -w stop");
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException ignored) {
            // already stopped
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it up
        }
    }

    private void asOwner(String command) {
        run(root() ? List.of("su", "postgres", "-c", command) : List.of("bash", "-c", command));
    }

    private static void run(List<String> command) {
        try {
            // Output to a file, not a pipe: the server started by pg_ctl must not hold our end open.
            Path output = Files.createTempFile("casework-pg-command", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + Files.readString(output));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed server's bin directory (Debian's /usr/lib/postgresql/N/bin), or PG_BIN. */
    public static Path serverBin() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        File[] versions = new File("/usr/lib/postgresql").listFiles(f -> new File(f, "bin/initdb").canExecute());
        if (versions == null || versions.length == 0) {
            throw new IllegalStateException("No PostgreSQL server installed under /usr/lib/postgresql (set PG_BIN to its bin directory)");
        }
        return Arrays.stream(versions)
                .max(Comparator.comparingInt(f -> f.getName().matches("\\d+") ? Integer.parseInt(f.getName()) : 0))
                .orElseThrow().toPath().resolve("bin");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
