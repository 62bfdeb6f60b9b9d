package org.mayorsoffice.casework.notifications.internal;

import java.util.UUID;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class OutboxService implements Outbox {

    private static final String ADDRESS = "^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$";

    private final JdbcClient jdbc;
    private final String domain;

    OutboxService(JdbcClient jdbc, @Value("${casework.mail.message-id-domain:casework.invalid}") String domain) {
        this.jdbc = jdbc;
        this.domain = domain;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long queue(Email email) {
        if (email.to() == null || !email.to().strip().matches(ADDRESS)) {
            throw new RuleViolationException("to", "Enter an email address in the correct format, like name@example.com");
        }
        if (email.cc() != null && !email.cc().isBlank() && !email.cc().strip().matches(ADDRESS)) {
            throw new RuleViolationException("cc", "Enter the copy address in the correct format, like name@example.com");
        }
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        long id = jdbc.sql("insert into outbox_email (message_id, to_address, cc_address, subject, body, source)"
                        + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(messageId, email.to().strip(), email.cc() == null || email.cc().isBlank() ? null : email.cc().strip(),
                        oneLine(email.subject()), email.body(), email.source())
                .query(Long.class).single();
        for (Attachment attachment : email.attachments()) {
            jdbc.sql("insert into outbox_attachment (email_id, filename, content_type, content) values (?, ?, ?, ?)")
                    .params(id, attachment.filename(), attachment.contentType(), attachment.content()).update();
        }
        return id;
    }

    /** Header injection guard: a subject is one line. */
    private static String oneLine(String subject) {
        String clean = subject == null ? "" : subject.replaceAll("[\\r\\n]+", " ").strip();
        return clean.length() > 300 ? clean.substring(0, 300) : clean;
    }
}
