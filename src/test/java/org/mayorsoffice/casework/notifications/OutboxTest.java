package org.mayorsoffice.casework.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.mayorsoffice.casework.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Email goes through the outbox: written with the change, sent by the worker, retried while SMTP is down, never twice. */
@IntegrationTest
class OutboxTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxWorker worker;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void serverBackUp() {
        TestMail.start();
    }

    private String address() {
        return "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private long queue(String to, String subject) {
        return transactions.execute(s -> outbox.queue(Outbox.Email.of(to, subject, "Dear resident,\n\nThank you.", "test")));
    }

    @Test
    void anEmailQueuedWhileTheMailServerIsDownIsSentOnceWhenItReturns() throws Exception {
        String to = address();
        TestMail.stop();
        long id = queue(to, "Your enquiry MO-2026-00042");

        worker.deliverDue();

        Map<String, Object> row = jdbc.queryForMap("select status, attempts, last_error, next_attempt_at > now() as later"
                + " from outbox_email where id = ?", id);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(row.get("later")).as("retry is scheduled with back-off").isEqualTo(true);

        TestMail.start();
        worker.deliverDue();
        assertThat(TestMail.receivedBy(to)).as("not retried before its back-off has passed").isEmpty();

        jdbc.update("update outbox_email set next_attempt_at = now() where id = ?", id);
        worker.deliverDue();
        worker.deliverDue();

        List<MimeMessage> received = TestMail.receivedBy(to);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Your enquiry MO-2026-00042");
        assertThat(received.get(0).getMessageID())
                .isEqualTo(jdbc.queryForObject("select message_id from outbox_email where id = ?", String.class, id));
        assertThat(jdbc.queryForObject("select status from outbox_email where id = ?", String.class, id)).isEqualTo("SENT");
    }

    @Test
    void nothingIsSentWhenTheChangeThatQueuedItRollsBack() {
        String to = address();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            outbox.queue(Outbox.Email.of(to, "Should never go", "Body", "test"));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        worker.deliverDue();

        assertThat(jdbc.queryForObject("select count(*) from outbox_email where to_address = ?", Long.class, to)).isZero();
        assertThat(TestMail.receivedBy(to)).isEmpty();
    }

    @Test
    void attachmentsTravelWithTheEmail() throws Exception {
        String to = address();
        transactions.executeWithoutResult(s -> outbox.queue(new Outbox.Email(to, null, "Your letter", "Please find attached.",
                List.of(new Outbox.Attachment("letter.pdf", "application/pdf", "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII))),
                "test")));

        worker.deliverDue();

        MimeMessage message = TestMail.receivedBy(to).get(0);
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("letter.pdf");
    }

    @Test
    void aBadAddressIsRefusedWithAMessage() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> outbox.queue(
                Outbox.Email.of("not an address", "Subject", "Body", "test"))))
                .hasMessageContaining("Enter an email address in the correct format");
    }

    @Test
    void aSubjectCannotCarryExtraHeaders() {
        String to = address();
        long id = queue(to, "Hello\r\nBcc: attacker@example.org");
        assertThat(jdbc.queryForObject("select subject from outbox_email where id = ?", String.class, id))
                .isEqualTo("Hello Bcc: attacker@example.org");
    }
}
