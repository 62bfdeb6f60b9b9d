package org.mayorsoffice.casework.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.correspondence.MailboxIntake.PollResult;
import org.mayorsoffice.casework.correspondence.internal.ImapSettings;
import org.mayorsoffice.casework.correspondence.internal.MailboxIntakeService;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.mayorsoffice.casework.support.TcpGate;
import org.mayorsoffice.casework.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail servers go away for a while: email queued meanwhile goes out once when SMTP returns (and what had
 * already gone is not sent again; while it is down each run of the worker tries one email, not every one), and mail that reached the office mailbox while IMAP could not be read is
 * imported once when it can be read again.
 */
@IntegrationTest
class MailOutageTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxWorker worker;

    @Autowired
    MailboxIntakeService intake;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private final List<TcpGate> gates = new ArrayList<>();

    @AfterEach
    void serversBackUp() {
        TestMail.start();
        gates.forEach(TcpGate::close);
    }

    private List<String> queue(String batch, int count) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String to = batch + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            addresses.add(to);
            transactions.executeWithoutResult(s -> outbox.queue(Outbox.Email.of(to, "Update on your case", "Dear resident,", "test")));
        }
        return addresses;
    }

    private String status(String to) {
        return jdbc.queryForObject("select status from outbox_email where to_address = ?", String.class, to);
    }

    @Test
    void emailQueuedWhileSmtpIsDownGoesOutOnceWhenItReturnsAndEarlierEmailIsNotResent() {
        List<String> before = queue("before-outage", 3);
        worker.deliverDue();
        before.forEach(to -> assertThat(TestMail.receivedBy(to)).hasSize(1));

        TestMail.stop();
        List<String> during = queue("during-outage", 5);
        assertThat(worker.deliverDue()).isZero();
        during.forEach(to -> assertThat(status(to)).isEqualTo("PENDING"));
        assertThat(attemptsDuringOutage()).as("the run stops at the first email that finds the server down: the others"
                + " are not tried and keep their attempts").containsExactly(1, 0, 0, 0, 0);
        worker.deliverDue();
        assertThat(attemptsDuringOutage()).as("the next run tries the next email; the first waits for its retry")
                .containsExactly(1, 1, 0, 0, 0);

        TestMail.start(); // a fresh server: it holds only what is sent from now on
        jdbc.update("update outbox_email set next_attempt_at = now() where to_address like 'during-outage-%' and status = 'PENDING'");
        worker.deliverDue();
        worker.deliverDue();

        during.forEach(to -> {
            assertThat(TestMail.receivedBy(to)).as(to).hasSize(1);
            assertThat(status(to)).isEqualTo("SENT");
        });
        before.forEach(to -> assertThat(TestMail.receivedBy(to)).as("already sent before the outage: not again").isEmpty());
    }

    private List<Integer> attemptsDuringOutage() {
        return jdbc.queryForList("select attempts from outbox_email where to_address like 'during-outage-%' order by id",
                Integer.class);
    }

    @Test
    void mailThatArrivesWhileImapIsDownIsImportedOnceWhenItComesBack() throws Exception {
        String login = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        GreenMailUser mailbox = TestMail.server().setUser(login + "@council.example.org", login, "secret");
        TcpGate imap = new TcpGate(TestMail.imapPort()).open();
        gates.add(imap);
        ImapSettings settings = new ImapSettings(true, "127.0.0.1", imap.port(), false, login, "secret", "INBOX", null, null,
                Duration.ofSeconds(5));
        List<String> ids = new ArrayList<>();
        deliver(mailbox, ids, "Before the outage");
        assertThat(intake.pollOnce(settings).imported()).isEqualTo(1);

        imap.shut();
        deliver(mailbox, ids, "During the outage 1");
        deliver(mailbox, ids, "During the outage 2");
        deliver(mailbox, ids, "During the outage 3");
        assertThat(intake.pollOnce(settings)).as("the mailbox cannot be read: nothing imported, nothing marked")
                .isEqualTo(PollResult.NOTHING);
        assertThat(intake.pollOnce(settings)).isEqualTo(PollResult.NOTHING);

        imap.open();
        assertThat(intake.pollOnce(settings)).isEqualTo(new PollResult(3, 3, 0, 0, 0));
        assertThat(intake.pollOnce(settings)).isEqualTo(PollResult.NOTHING);

        for (String id : ids) {
            assertThat(jdbc.queryForObject("select count(*) from correspondence_item where message_id = ?", Long.class, id))
                    .as(id).isEqualTo(1);
        }
    }

    private static void deliver(GreenMailUser mailbox, List<String> ids, String subject) throws MessagingException {
        String id = "<" + UUID.randomUUID() + "@resident.example.org>";
        ids.add(id);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        message.setFrom(new InternetAddress("resident@example.org"));
        message.setRecipients(MimeMessage.RecipientType.TO, mailbox.getEmail());
        message.setSubject(subject);
        message.setText("Please call me back.");
        message.saveChanges();
        mailbox.deliver(message);
    }
}
