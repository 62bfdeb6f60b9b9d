package org.mayorsoffice.casework.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.internal.CaseCommands.OpenCase;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.correspondence.MailboxIntake.PollResult;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.mayorsoffice.casework.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Email intake against a real IMAP server (GreenMail): one item per message however often it is polled or
 * delivered, nothing lost when a poll fails half-way, replies threaded onto their case, attachments kept.
 */
@IntegrationTest
class MailboxIntakeTest {

    @Autowired
    MailboxIntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService cases;

    @Autowired
    UserAccountService accounts;

    private final Session session = Session.getInstance(new Properties());

    @AfterEach
    void resetHooks() {
        intake.whileSaving = id -> {};
        intake.beforeMarking = id -> {};
    }

    /** A fresh mailbox on the test IMAP server; returns its settings and its user for delivering mail. */
    private record Mailbox(ImapSettings settings, GreenMailUser user) {}

    private Mailbox mailbox() {
        String login = "intake-" + UUID.randomUUID().toString().substring(0, 8);
        GreenMailUser user = TestMail.server().setUser(login + "@council.example.org", login, "secret");
        return new Mailbox(new ImapSettings(true, "127.0.0.1", TestMail.imapPort(), false, login, "secret", "INBOX", null,
                null, Duration.ofSeconds(5)), user);
    }

    private MimeMessage message(String messageId, String fromName, String fromEmail, String subject, String text)
            throws Exception {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId != null) {
                    setHeader("Message-ID", messageId);
                } else {
                    removeHeader("Message-ID");
                }
            }
        };
        message.setFrom(new InternetAddress(fromEmail, fromName));
        message.setRecipients(MimeMessage.RecipientType.TO, "mayors.office@council.example.org");
        message.setSubject(subject);
        message.setSentDate(new java.util.Date());
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    private static String id() {
        return "<" + UUID.randomUUID() + "@resident.example.org>";
    }

    private long items(String messageId) {
        return jdbc.queryForObject("select count(*) from correspondence_item where message_id = ?", Long.class, messageId);
    }

    @Test
    void aMessagePolledTwiceBecomesOneItem() throws Exception {
        Mailbox mailbox = mailbox();
        String messageId = id();
        mailbox.user().deliver(message(messageId, "Grace Hopper", "grace@example.org", "Damp in my flat", "The damp is back."));

        assertThat(intake.pollOnce(mailbox.settings())).isEqualTo(new PollResult(1, 1, 0, 0, 0));
        assertThat(intake.pollOnce(mailbox.settings())).isEqualTo(new PollResult(0, 0, 0, 0, 0));

        assertThat(items(messageId)).isEqualTo(1);
        var row = jdbc.queryForMap("select direction, channel, status, sender_name, sender_email, subject, body, occurred_on,"
                + " source from correspondence_item where message_id = ?", messageId);
        assertThat(row).containsEntry("direction", "IN").containsEntry("channel", "EMAIL").containsEntry("status", "IN_TRIAGE")
                .containsEntry("sender_name", "Grace Hopper").containsEntry("sender_email", "grace@example.org")
                .containsEntry("subject", "Damp in my flat").containsEntry("body", "The damp is back.")
                .containsEntry("source", "MAILBOX");
        assertThat(row.get("occurred_on").toString()).isEqualTo(LocalDate.now().toString());
    }

    @Test
    void twoCopiesOfTheSameMessageBecomeOneItem() throws Exception {
        Mailbox mailbox = mailbox();
        String messageId = id();
        mailbox.user().deliver(message(messageId, "Alan Turing", "alan@example.org", "Bins not collected", "Third week."));
        mailbox.user().deliver(message(messageId, "Alan Turing", "alan@example.org", "Bins not collected", "Third week."));

        PollResult result = intake.pollOnce(mailbox.settings());

        assertThat(result).isEqualTo(new PollResult(2, 1, 1, 0, 0));
        assertThat(items(messageId)).isEqualTo(1);
        assertThat(intake.pollOnce(mailbox.settings()).fetched()).isZero(); // both copies marked
    }

    @Test
    void aMessageWithoutMessageIdIsRecognisedByItsContent() throws Exception {
        Mailbox mailbox = mailbox();
        MimeMessage message = message(null, "No Id", "noid@example.org", "Street light out " + UUID.randomUUID(), "Dark.");
        mailbox.user().deliver(message);
        mailbox.user().deliver(message);

        assertThat(intake.pollOnce(mailbox.settings())).isEqualTo(new PollResult(2, 1, 1, 0, 0));
    }

    @Test
    void aFailureWhileSavingTheSecondOfThreeLosesNothingAndDuplicatesNothing() throws Exception {
        Mailbox mailbox = mailbox();
        List<String> ids = List.of(id(), id(), id());
        for (int i = 0; i < 3; i++) {
            mailbox.user().deliver(message(ids.get(i), "Writer " + i, "writer" + i + "@example.org", "Message " + i, "Text " + i));
        }
        intake.whileSaving = id -> {
            if (id.equals(ids.get(1))) {
                throw new IllegalStateException("database went away");
            }
        };

        PollResult first = intake.pollOnce(mailbox.settings());

        assertThat(first).isEqualTo(new PollResult(3, 2, 0, 0, 1));
        assertThat(items(ids.get(1))).isZero(); // rolled back, and left unmarked in the mailbox

        intake.whileSaving = id -> {};
        PollResult second = intake.pollOnce(mailbox.settings());

        assertThat(second).isEqualTo(new PollResult(1, 1, 0, 0, 0));
        for (String id : ids) {
            assertThat(items(id)).isEqualTo(1);
        }
    }

    @Test
    void aCrashAfterSavingButBeforeMarkingIsSkippedAndMarkedNextTime() throws Exception {
        Mailbox mailbox = mailbox();
        List<String> ids = List.of(id(), id(), id());
        for (int i = 0; i < 3; i++) {
            mailbox.user().deliver(message(ids.get(i), "Writer " + i, "w" + i + "@example.org", "Crash " + i, "Text " + i));
        }
        intake.beforeMarking = id -> {
            throw new IllegalStateException("process killed");
        };

        assertThat(intake.pollOnce(mailbox.settings()).failed()).isEqualTo(3);

        intake.beforeMarking = id -> {};
        assertThat(intake.pollOnce(mailbox.settings())).isEqualTo(new PollResult(3, 0, 3, 0, 0));
        assertThat(intake.pollOnce(mailbox.settings())).isEqualTo(new PollResult(0, 0, 0, 0, 0));
        for (String id : ids) {
            assertThat(items(id)).isEqualTo(1);
        }
    }

    @Test
    void aReplyCarryingACaseReferenceIsThreadedOntoTheCaseAndTheCaseworkerIsTold() throws Exception {
        long personId = jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values"
                + " ('RESIDENT', 'Ruth', 'Reply', 'test') returning id", Long.class);
        long caseId = cases.open(new OpenCase(jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class),
                Channel.EMAIL, "Housing repair", null, null, null, null, null, Priority.NORMAL, Confidentiality.STANDARD,
                LawfulBasis.PUBLIC_TASK, false, LocalDate.now(), List.of(personId)), accounts.loadUserByUsername("coordinator"));
        long caseworker = jdbc.queryForObject("select id from app_user where username = 'caseworker'", Long.class);
        cases.allocate(List.of(caseId), caseworker, null, accounts.loadUserByUsername("coordinator"));
        String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);

        Mailbox mailbox = mailbox();
        String messageId = id();
        mailbox.user().deliver(message(messageId, "Ruth Reply", "ruth@example.org", "Re: " + reference + " your housing repair",
                "Thank you, the plumber came today."));

        assertThat(intake.pollOnce(mailbox.settings())).isEqualTo(new PollResult(1, 1, 0, 1, 0));

        var row = jdbc.queryForMap("select status, case_id, distributed_by from correspondence_item where message_id = ?", messageId);
        assertThat(row).containsEntry("status", "THREADED").containsEntry("case_id", caseId)
                .containsEntry("distributed_by", "Mailbox intake");
        assertThat(jdbc.queryForObject("select body from case_event where case_id = ? and kind = 'CORRESPONDENCE'", String.class, caseId))
                .contains("Email from Ruth Reply <ruth@example.org>").contains("the plumber came today");
        assertThat(jdbc.queryForList("select message from notification where user_id = ? and link = ?", String.class, caseworker,
                "/cases/" + caseId)).contains("Reply from Ruth Reply threaded onto " + reference);

        // A reference to no case: the message simply waits in triage.
        String other = id();
        mailbox.user().deliver(message(other, "Ruth Reply", "ruth@example.org", "Re: MO-1999-99999 old", "Hello"));
        assertThat(intake.pollOnce(mailbox.settings()).threaded()).isZero();
        assertThat(jdbc.queryForObject("select status from correspondence_item where message_id = ?", String.class, other))
                .isEqualTo("IN_TRIAGE");
    }

    @Test
    void attachmentsOfAcceptedTypesAreKeptAndHtmlOnlyMessagesAreReadAsText() throws Exception {
        Mailbox mailbox = mailbox();
        String messageId = id();
        MimeMessage message = message(messageId, "Photo Sender", "photos@example.org", "Photos of the damp", "ignored");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><head><style>p{}</style></head><body><p>See the <b>photos</b> &amp; letter.</p></body></html>",
                "text/html; charset=UTF-8");
        multipart.addBodyPart(html);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource("%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII), "application/pdf")));
        pdf.setFileName("letter.pdf");
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        multipart.addBodyPart(pdf);
        MimeBodyPart exe = new MimeBodyPart();
        exe.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {'M', 'Z', 0, 1}, "application/octet-stream")));
        exe.setFileName("invoice.pdf.exe");
        exe.setDisposition(MimeBodyPart.ATTACHMENT);
        multipart.addBodyPart(exe);
        message.setContent(multipart);
        message.saveChanges();
        mailbox.user().deliver(message);

        assertThat(intake.pollOnce(mailbox.settings()).imported()).isEqualTo(1);

        var row = jdbc.queryForMap("select id, body from correspondence_item where message_id = ?", messageId);
        assertThat((String) row.get("body")).startsWith("See the photos & letter.").contains("Attachments not kept: invoice.pdf.exe");
        var files = jdbc.queryForList("select file_name, content_type, content from correspondence_attachment where item_id = ?",
                row.get("id"));
        assertThat(files).hasSize(1);
        assertThat(files.get(0)).containsEntry("file_name", "letter.pdf").containsEntry("content_type", "application/pdf");
        assertThat((byte[]) files.get(0).get("content")).isEqualTo("%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void intakeThatIsNotEnabledDoesNothing() {
        assertThat(intake.enabled()).isFalse();
        assertThat(intake.pollOnce()).isEqualTo(PollResult.NOTHING);
    }
}
