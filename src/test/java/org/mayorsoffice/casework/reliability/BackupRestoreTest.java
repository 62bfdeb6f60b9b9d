package org.mayorsoffice.casework.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.internal.AttachmentService;
import org.mayorsoffice.casework.cases.internal.CaseCommands.OpenCase;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.AppInstance;
import org.mayorsoffice.casework.support.HttpUser;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.mayorsoffice.casework.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * scripts/backup.sh and scripts/restore.sh (docs/backup.md): a populated database is backed up, restored into a
 * new empty database, and the application started on the copy finds every case, attachment and audit row, and
 * serves them to a user who signs in there.
 */
@IntegrationTest
class BackupRestoreTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService cases;

    @Autowired
    AttachmentService attachments;

    @Autowired
    UserAccountService accounts;

    @Autowired
    PasswordEncoder passwords;

    /** Count and checksum of every row the office cannot lose, table by table. */
    private static List<String> fingerprint(JdbcTemplate db) {
        List<String> rows = new ArrayList<>();
        for (String query : List.of(
                "select 'cases ' || count(*) || ' ' || coalesce(md5(string_agg(concat_ws(':', id, reference, status, subject,"
                        + " allocated_to_id, version), ',' order by id)), '') from casework_case",
                "select 'case events ' || count(*) || ' ' || coalesce(md5(string_agg(e::text, ',' order by id)), '')"
                        + " from case_event e",
                "select 'case attachments ' || count(*) || ' ' || coalesce(md5(string_agg(id || ':' || md5(content), ','"
                        + " order by id)), '') from case_attachment",
                "select 'correspondence attachments ' || count(*) || ' ' || coalesce(md5(string_agg(id || ':' || md5(content),"
                        + " ',' order by id)), '') from correspondence_attachment",
                "select 'audit ' || count(*) || ' ' || coalesce(md5(string_agg(a::text, ',' order by id)), '') from audit_event a",
                "select 'people ' || count(*) || ' ' || coalesce(md5(string_agg(p::text, ',' order by id)), '') from person p",
                "select 'users ' || count(*) || ' ' || coalesce(md5(string_agg(username || password_hash, ',' order by id)), '')"
                        + " from app_user")) {
            rows.add(db.queryForObject(query, String.class));
        }
        return rows;
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHoldsEveryCaseAttachmentAndAuditRow(@TempDir Path dir) throws Exception {
        assumeClientToolsCanDumpTheServer();
        // Populate: a user of our own (so signing in does not depend on other tests), a case and its attachment.
        String username = "restore.check-" + UUID.randomUUID().toString().substring(0, 6);
        long userId = jdbc.queryForObject("insert into app_user (username, display_name, email, password_hash) values"
                + " (?, 'Restore Check', null, ?) returning id", Long.class, username, passwords.encode(HttpUser.DEMO_PASSWORD));
        jdbc.update("insert into user_role (user_id, role) values (?, 'HEAD_OF_OFFICE')", userId);
        CurrentUser coordinator = accounts.loadUserByUsername("coordinator");
        long personId = jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values"
                + " ('RESIDENT', 'Betty', 'Backup', 'test') returning id", Long.class);
        long caseType = jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class);
        long caseId = cases.open(new OpenCase(caseType, Channel.LETTER, "Damp survey before restore", null, null, null, null,
                null, Priority.NORMAL, Confidentiality.STANDARD, LawfulBasis.PUBLIC_TASK, false, LocalDate.now(),
                List.of(personId)), coordinator);
        String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
        String pdf = "%PDF-1.4\n% damp survey " + UUID.randomUUID() + "\n%%EOF\n";
        long attachmentId = attachments.upload(caseId, "damp-survey.pdf", pdf.getBytes(StandardCharsets.US_ASCII),
                "Surveyor's report", coordinator);
        List<String> before = fingerprint(jdbc);

        URI server = URI.create(TestDatabase.get().url().substring("jdbc:".length()));
        String source = server.getPath().substring(1);
        String copy = "casework_restore_" + UUID.randomUUID().toString().substring(0, 8);
        Path backup = dir.resolve("casework.dump");
        try {
            run(server, source, "scripts/backup.sh", backup.toString());
            assertThat(fingerprint(jdbc)).as("nothing changed while the backup ran").isEqualTo(before);
            assertThat(backup).isNotEmptyFile();
            assertThat(dir.resolve("casework.dump.sha256")).isNotEmptyFile();

            String restored = run(server, copy, "scripts/restore.sh", backup.toString());
            assertThat(restored).contains("Restored into " + copy);
            assertThat(run(server, copy, "scripts/restore.sh", backup.toString(), 1))
                    .as("a database that is not empty is refused").contains("already has");

            String url = "jdbc:postgresql://" + server.getHost() + ":" + port(server) + "/" + copy;
            TestDatabase database = TestDatabase.get();
            try (AppInstance app = AppInstance.start(url, database.username(), database.password(),
                    // The copy's outbox stays quiet: email queued in the original is not the copy's to send in a test.
                    Map.of("casework.demo-data.enabled", "false", "casework.database.create-if-missing", "false",
                            "casework.mail.poll-interval", "1h"))) {
                assertThat(fingerprint(app.bean(JdbcTemplate.class))).isEqualTo(before);

                HttpUser head = new HttpUser().signIn(app.url(""), username);
                HttpResponse<String> casePage = head.get(app.url("/cases/" + caseId));
                assertThat(casePage.statusCode()).isEqualTo(200);
                assertThat(casePage.body()).contains(reference, "Damp survey before restore", "damp-survey.pdf");
                HttpResponse<String> file = head.get(app.url("/attachments/" + attachmentId));
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(file.body()).isEqualTo(pdf);
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(
                            "jdbc:postgresql://" + server.getHost() + ":" + port(server) + "/postgres",
                            TestDatabase.get().username(), TestDatabase.get().password());
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + copy + " with (force)");
            }
        }
    }

    /**
     * pg_dump refuses a server newer than itself. Our machines (.ci/run) have matching tools; elsewhere (a
     * Testcontainers server with older tools on the PATH) the test is skipped and says why.
     */
    private void assumeClientToolsCanDumpTheServer() throws Exception {
        int server = jdbc.queryForObject("select current_setting('server_version_num')::int / 10000", Integer.class);
        int client = 0;
        try {
            Process version = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor(30, TimeUnit.SECONDS);
            java.util.regex.Matcher major = java.util.regex.Pattern.compile("(\\d+)(\\.\\d+)?").matcher(printed);
            client = major.find() ? Integer.parseInt(major.group(1)) : 0;
        } catch (IOException e) {
            // not installed
        }
        Assumptions.assumeTrue(client >= server, "pg_dump " + client + " cannot back up PostgreSQL " + server
                + ": install the PostgreSQL client tools of that version (postgresql-client)");
    }

    private static String run(URI server, String database, String script, String file) throws Exception {
        return run(server, database, script, file, 0);
    }

    /** Runs the script as an operator would, with the connection in PG* variables; checks its exit code. */
    private static String run(URI server, String database, String script, String file, int expectedExit) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script, file).redirectErrorStream(true);
        builder.environment().put("PGHOST", server.getHost());
        builder.environment().put("PGPORT", String.valueOf(port(server)));
        builder.environment().put("PGUSER", TestDatabase.get().username());
        builder.environment().put("PGPASSWORD", TestDatabase.get().password());
        builder.environment().put("PGDATABASE", database);
        File output = Files.createTempFile("casework-script", ".log").toFile();
        builder.redirectOutput(output);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(script + " finished").isTrue();
        String printed = readAndDelete(output);
        assertThat(process.exitValue()).as(script + " exit code; it printed:\n" + printed).isEqualTo(expectedExit);
        return printed;
    }

    private static int port(URI server) {
        return server.getPort() == -1 ? 5432 : server.getPort();
    }

    private static String readAndDelete(File file) throws IOException {
        try {
            return Files.readString(file.toPath());
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }
}
