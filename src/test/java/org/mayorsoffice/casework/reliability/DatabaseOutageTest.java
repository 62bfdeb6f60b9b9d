package org.mayorsoffice.casework.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.AppInstance;
import org.mayorsoffice.casework.support.HttpUser;
import org.mayorsoffice.casework.support.ThrowawayPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database goes away for 20 seconds while a caseworker keeps adding notes: health says DOWN, people see the
 * "service unavailable" page (503, no stack trace), the application recovers by itself within 10 seconds of the
 * database returning, and every note the application acknowledged is there afterwards.
 *
 * <p>Runs the application on its own PostgreSQL server (never the shared one), in the {@code reliability} profile.
 */
@Tag("reliability")
class DatabaseOutageTest {

    private static ThrowawayPostgres postgres;
    private static AppInstance app;

    @BeforeAll
    static void start() {
        postgres = ThrowawayPostgres.start();
        app = AppInstance.start(postgres.jdbcUrl("casework"), Map.of("spring.datasource.hikari.connection-timeout", "3000"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** One write attempt of the steady writer: the note's text and what the application answered. */
    private record Attempt(String text, int status, String location, String body, long at) {}

    @Test
    void aTwentySecondOutageLosesNoAcknowledgedWriteAndTheApplicationRecoversByItself() throws Exception {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        long caseId = jdbc.queryForObject("select c.id from casework_case c join app_user u on u.id = c.allocated_to_id"
                + " where u.username = 'caseworker' and c.confidentiality = 'STANDARD' order by c.id limit 1", Long.class);
        HttpUser caseworker = new HttpUser().signIn(app.url(""), "caseworker").tokenFrom(app.url("/cases/" + caseId));
        assertThat(health()).isEqualTo(200);

        String marker = "Outage note " + System.nanoTime();
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int n = 1; writing.get() && n < 2000; n++) {
                String text = marker + " #" + n;
                try {
                    HttpResponse<String> response = caseworker.post(app.url("/cases/" + caseId + "/note"), Map.of("text", text));
                    attempts.add(new Attempt(text, response.statusCode(), response.headers().firstValue("Location").orElse(""),
                            response.body(), System.nanoTime()));
                } catch (RuntimeException e) {
                    attempts.add(new Attempt(text, -1, "", String.valueOf(e), System.nanoTime()));
                }
                pause(Duration.ofMillis(200));
            }
        }, "steady-writer");
        writer.start();
        pause(Duration.ofSeconds(3));

        postgres.stopServer();
        long down = System.nanoTime();
        waitFor(Duration.ofSeconds(15), () -> health() == 503);
        HttpResponse<String> page = caseworker.get(app.url("/cases/" + caseId));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Sorry, the service is unavailable", "govuk-heading-l", "Anything you saved before this is safe")
                .doesNotContain("Exception", "at org.", "at java.", "PSQL", "Whitelabel");
        pause(Duration.ofSeconds(20).minusNanos(System.nanoTime() - down));

        postgres.startServer();
        long back = System.nanoTime();
        waitFor(Duration.ofSeconds(10), () -> health() == 200);
        waitFor(Duration.ofSeconds(10).minusNanos(System.nanoTime() - back),
                () -> attempts.stream().anyMatch(a -> a.at() > back && acknowledged(a, caseId)));
        assertThat(Duration.ofNanos(System.nanoTime() - back)).as("recovered by itself within 10 s").isLessThan(Duration.ofSeconds(10));
        pause(Duration.ofSeconds(2));
        writing.set(false);
        writer.join(30_000);

        List<String> acknowledged = attempts.stream().filter(a -> acknowledged(a, caseId)).map(Attempt::text).toList();
        List<Attempt> refused = attempts.stream().filter(a -> a.status() == 503).toList();
        List<String> stored = jdbc.queryForList("select body from case_event where case_id = ? and kind = 'NOTE' and body like ?",
                String.class, caseId, marker + " #%");
        assertThat(acknowledged).as("notes written before and after the outage").hasSizeGreaterThan(10);
        assertThat(refused).as("notes refused while the database was down").isNotEmpty()
                .allSatisfy(a -> assertThat(a.body()).contains("Sorry, the service is unavailable").doesNotContain("Exception"));
        assertThat(attempts).as("every attempt was either acknowledged or answered 503")
                .allMatch(a -> acknowledged(a, caseId) || a.status() == 503);
        assertThat(stored).as("every acknowledged note is stored, once").containsAll(acknowledged).doesNotHaveDuplicates();

        HttpResponse<String> after = caseworker.get(app.url("/cases/" + caseId));
        assertThat(after.statusCode()).as("still signed in: the session survived the outage").isEqualTo(200);
        assertThat(after.body()).contains(acknowledged.get(acknowledged.size() - 1));
    }

    private static boolean acknowledged(Attempt attempt, long caseId) {
        return attempt.status() == 302 && attempt.location().endsWith("/cases/" + caseId);
    }

    private static int health() {
        return new HttpUser().get(app.url("/actuator/health")).statusCode();
    }

    private static void waitFor(Duration limit, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + limit.toMillis() + " ms");
            }
            pause(Duration.ofMillis(250));
        }
    }

    private static void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
