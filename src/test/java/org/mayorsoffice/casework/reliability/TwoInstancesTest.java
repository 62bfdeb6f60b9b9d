package org.mayorsoffice.casework.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.shared.jobs.ExclusiveJobs;
import org.mayorsoffice.casework.support.AppInstance;
import org.mayorsoffice.casework.support.HttpUser;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.ThrowawayPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the application on one database, as behind a load balancer: a signed-in user's requests may
 * land on either, and the background jobs (email outbox, mailbox intake, enquiry chaser) run once, not twice.
 *
 * <p>Runs on its own PostgreSQL server, in the {@code reliability} profile.
 */
@Tag("reliability")
class TwoInstancesTest {

    private static final String MAILBOX = "office-" + UUID.randomUUID().toString().substring(0, 8);

    private static ThrowawayPostgres postgres;
    private static AppInstance first;
    private static AppInstance second;
    private static final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeAll
    static void start() {
        postgres = ThrowawayPostgres.start();
        TestMail.server().setUser(MAILBOX + "@council.example.org", MAILBOX, "secret");
        Map<String, String> properties = Map.of(
                // The tests fire the jobs themselves, at the same moment on both instances.
                "casework.mail.poll-interval", "1h",
                "casework.intake.imap.enabled", "true",
                "casework.intake.imap.host", "127.0.0.1",
                "casework.intake.imap.port", String.valueOf(TestMail.imapPort()),
                "casework.intake.imap.ssl", "false",
                "casework.intake.imap.username", MAILBOX,
                "casework.intake.imap.password", "secret",
                "casework.intake.imap.poll-interval", "1h");
        first = AppInstance.start(postgres.jdbcUrl("casework"), properties);
        second = AppInstance.start(postgres.jdbcUrl("casework"), properties);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing the others matters more
            }
        }
    }

    private static JdbcTemplate jdbc() {
        return first.bean(JdbcTemplate.class);
    }

    /** Calls the job's scheduled method on both instances at the same moment, this many times. */
    private static void fireOnBoth(String jobBean, String method, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> runs = new ArrayList<>();
            for (AppInstance instance : List.of(first, second)) {
                Object job = instance.context().getBean(jobBean);
                runs.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return ReflectionTestUtils.invokeMethod(job, method);
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static long runs(String job) {
        return jdbc().queryForObject("select coalesce(sum(runs), 0) from job_lock where name = ?", Long.class, job);
    }

    @Test
    void aSignedInUserStaysSignedInWhicheverInstanceAnswers() {
        long caseId = jdbc().queryForObject("select c.id from casework_case c join app_user u on u.id = c.allocated_to_id"
                + " where u.username = 'caseworker' and c.confidentiality = 'STANDARD' order by c.id limit 1", Long.class);
        HttpUser caseworker = new HttpUser().signIn(first.url(""), "caseworker");

        HttpResponse<String> onSecond = caseworker.get(second.url("/cases/" + caseId));
        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(onSecond.body()).contains("Signed in as");

        caseworker.tokenFrom(first.url("/cases/" + caseId));
        String note = "Written through the second instance " + UUID.randomUUID();
        HttpResponse<String> posted = caseworker.post(second.url("/cases/" + caseId + "/note"), Map.of("text", note));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + caseId);
        HttpResponse<String> shown = caseworker.get(first.url("/cases/" + caseId));
        assertThat(shown.body()).contains(note).contains("Note added"); // the flash message crossed instances too

        HttpResponse<String> signedOut = caseworker.post(second.url("/logout"), Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        HttpResponse<String> afterSignOut = caseworker.get(first.url("/cases/" + caseId));
        assertThat(afterSignOut.statusCode()).isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void aJobStartedOnBothInstancesAtOnceRunsOnOnlyOne() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (AppInstance instance : List.of(first, second)) {
            ExclusiveJobs jobs = instance.bean(ExclusiveJobs.class);
            attempts.add(pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return jobs.run("two-instances-test", Duration.ofMinutes(1), Duration.ZERO, () -> {
                    ran.incrementAndGet();
                    sleep(1500);
                });
            }));
        }
        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Boolean> attempt : attempts) {
            outcomes.add(attempt.get(60, TimeUnit.SECONDS));
        }

        assertThat(ran).hasValue(1);
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        assertThat(first.bean(ExclusiveJobs.class).run("two-instances-test", Duration.ofMinutes(1), Duration.ZERO, ran::incrementAndGet))
                .as("the lease ends with the job").isTrue();
    }

    @Test
    void theMorningEnquiryChaserFiredOnBothInstancesRunsOnce() throws Exception {
        long before = runs("enquiry-chaser");

        fireOnBoth("enquiryChaserJob", "run", 1);
        ReflectionTestUtils.invokeMethod(second.context().getBean("enquiryChaserJob"), "run"); // a second later, still once

        assertThat(runs("enquiry-chaser") - before).isEqualTo(1);
    }

    @Test
    void emailQueuedOnceIsSentOnceByTheTwoOutboxWorkers() throws Exception {
        List<String> addresses = new ArrayList<>();
        TransactionTemplate transactions = first.bean(TransactionTemplate.class);
        Outbox outbox = first.bean(Outbox.class);
        for (int i = 0; i < 20; i++) {
            String to = "two-instances-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            addresses.add(to);
            transactions.executeWithoutResult(s -> outbox.queue(Outbox.Email.of(to, "Your enquiry", "Dear resident,", "test")));
        }

        fireOnBoth("outboxWorker", "scheduled", 3);

        for (String to : addresses) {
            assertThat(TestMail.receivedBy(to)).as(to).hasSize(1);
        }
        assertThat(jdbc().queryForObject("select count(*) from outbox_email where to_address like 'two-instances-%' and status <> 'SENT'",
                Long.class)).isZero();
    }

    @Test
    void mailboxIntakeOnBothInstancesImportsEachMessageOnce() throws Exception {
        GreenMailUser mailbox = TestMail.server().setUser(MAILBOX + "@council.example.org", MAILBOX, "secret");
        Session session = Session.getInstance(new Properties());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "<" + UUID.randomUUID() + "@resident.example.org>";
            ids.add(id);
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            message.setFrom(new InternetAddress("resident" + i + "@example.org"));
            message.setRecipients(MimeMessage.RecipientType.TO, MAILBOX + "@council.example.org");
            message.setSubject("Pothole " + i);
            message.setText("There is a pothole outside number " + i + ".");
            message.saveChanges();
            mailbox.deliver(message);
        }

        fireOnBoth("mailboxIntakeJob", "poll", 3);

        for (String id : ids) {
            assertThat(jdbc().queryForObject("select count(*) from correspondence_item where message_id = ?", Long.class, id))
                    .as(id).isEqualTo(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
