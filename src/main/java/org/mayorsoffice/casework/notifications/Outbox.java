package org.mayorsoffice.casework.notifications;

import java.util.List;

/**
 * Queues an email in the caller's transaction. Nothing is sent until that transaction commits; a
 * worker then sends it, retrying with back-off while the mail server is unavailable.
 */
public interface Outbox {

    record Attachment(String filename, String contentType, byte[] content) {}

    /**
     * @param to one address
     * @param cc one address or null
     * @param source what caused it, for finding it again, e.g. {@code enquiry:42}
     */
    record Email(String to, String cc, String subject, String body, List<Attachment> attachments, String source) {

        public Email {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public static Email of(String to, String subject, String body, String source) {
            return new Email(to, null, subject, body, List.of(), source);
        }
    }

    /** Writes the email to the outbox and returns its id; must be called inside a transaction. */
    long queue(Email email);
}
