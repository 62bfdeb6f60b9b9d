package org.mayorsoffice.casework.notifications.internal;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mayorsoffice.casework.shared.jobs.ExclusiveJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each email is claimed with {@code FOR UPDATE SKIP LOCKED} inside its
 * own transaction, so two workers never send the same row; a failure schedules a retry with
 * exponential back-off, and after the last attempt the email is marked failed for an administrator.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    record Pending(long id, String messageId, String to, String cc, String subject, String body, int attempts) {}

    record StoredAttachment(String filename, String contentType, byte[] content) {}

    private final JdbcClient jdbc;
    private final JavaMailSender sender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final ExclusiveJobs jobs;

    OutboxWorker(JdbcClient jdbc, JavaMailSender sender, TransactionTemplate transactions, Clock clock, ExclusiveJobs jobs,
            @Value("${casework.mail.from:Mayor's Office <mayors.office@casework.invalid>}") String from,
            @Value("${casework.mail.max-attempts:10}") int maxAttempts,
            @Value("${casework.mail.first-retry:30s}") Duration firstRetry) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${casework.mail.poll-interval:10s}", initialDelayString = "${casework.mail.poll-interval:10s}")
    void scheduled() {
        jobs.run("outbox", Duration.ofMinutes(15), Duration.ZERO, this::deliverDue);
    }

    /** What became of one claimed email. */
    private enum Outcome { SENT, NOT_SENT, SERVER_DOWN }

    /**
     * Sends every email due now (up to 100 per call); returns how many were sent. When the mail server cannot be
     * reached or refuses the office's credentials, the run stops at the first email that met it: the others would
     * meet it too, so they wait for the next run without an attempt counted against them (and the log has one
     * warning a run, not one for every email waiting).
     */
    public int deliverDue() {
        int sent = 0;
        for (int i = 0; i < 100; i++) {
            Outcome result = transactions.execute(status -> deliverOne());
            if (result == null || result == Outcome.SERVER_DOWN) {
                break;
            }
            if (result == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    /** Null when nothing is due; otherwise what became of the claimed email. */
    private Outcome deliverOne() {
        Instant now = clock.instant();
        List<Pending> due = jdbc.sql("select id, message_id, to_address, cc_address, subject, body, attempts from outbox_email"
                        + " where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id limit 1"
                        + " for update skip locked")
                .param(java.sql.Timestamp.from(now))
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
        if (due.isEmpty()) {
            return null;
        }
        Pending email = due.get(0);
        try {
            sender.send(message(email));
            jdbc.sql("update outbox_email set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                    .params(java.sql.Timestamp.from(clock.instant()), email.id()).update();
            return Outcome.SENT;
        } catch (MailException | MessagingException e) {
            int attempts = email.attempts() + 1;
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean serverDown = serverDown(e);
            if (serverDown) {
                long waiting = jdbc.sql("select count(*) from outbox_email where status = 'PENDING' and next_attempt_at <= ?")
                        .param(java.sql.Timestamp.from(now)).query(Long.class).single();
                log.warn("The mail server cannot be reached or refused the office's login: {} email(s) due now wait for"
                        + " the next run. {}", waiting, error);
            }
            if (attempts >= maxAttempts) {
                log.warn("Email {} to {} failed {} times and will not be retried: {}", email.id(), email.to(), attempts, error);
                jdbc.sql("update outbox_email set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
                        .params(attempts, truncate(error), email.id()).update();
            } else {
                Instant next = now.plus(backoff(attempts));
                if (!serverDown) {
                    log.warn("Email {} to {} not sent (attempt {}), retrying at {}: {}", email.id(), email.to(), attempts, next, error);
                }
                jdbc.sql("update outbox_email set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                        .params(attempts, truncate(error), java.sql.Timestamp.from(next), email.id()).update();
            }
            return serverDown ? Outcome.SERVER_DOWN : Outcome.NOT_SENT;
        }
    }

    /**
     * Whether the failure is the mail server's, not this email's: it could not be reached (refused, unknown host,
     * timed out) or it refused the login. Spring reports a failed connection as "Mail server connection failed"
     * with the cause from Jakarta Mail (whose exceptions give their nested one as their cause); a failed login as
     * {@link MailAuthenticationException}.
     */
    static boolean serverDown(Exception failure) {
        if (failure instanceof MailAuthenticationException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException || cause instanceof jakarta.mail.AuthenticationFailedException) {
                return true;
            }
        }
        return false;
    }

    /** 30 s, 1 min, 2 min, ... capped at 1 hour. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = firstRetry.multipliedBy(factor);
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }

    private MimeMessage message(Pending email) throws MessagingException {
        List<StoredAttachment> attachments = jdbc.sql("select filename, content_type, content from outbox_attachment"
                        + " where email_id = ? order by id")
                .param(email.id())
                .query((rs, n) -> new StoredAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
        MimeMessage message = new FixedIdMimeMessage(sender.createMimeMessage(), email.messageId());
        MimeMessageHelper helper = new SharedTypesHelper(message, !attachments.isEmpty());
        helper.setFrom(from);
        helper.setTo(email.to());
        if (email.cc() != null) {
            helper.setCc(email.cc());
        }
        helper.setSubject(email.subject());
        helper.setText(email.body(), false);
        for (StoredAttachment attachment : attachments) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()), attachment.contentType());
        }
        return message;
    }

    private static String truncate(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    /**
     * The file type map (file name to content type) is built once: Spring's helper otherwise reads and parses the
     * whole MIME types table for every message not made by {@code createMimeMessage} itself, such as
     * {@link FixedIdMimeMessage} (11 ms of CPU per attempt, 3 % of the app's CPU under the benchmark while emails were
     * being retried).
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = fileTypes();

        SharedTypesHelper(MimeMessage message, boolean multipart) throws MessagingException {
            super(message, multipart, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return TYPES;
        }

        private static FileTypeMap fileTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    /** Keeps the Message-ID chosen when the email was queued, so a resend is the same message. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(MimeMessage source, String messageId) throws MessagingException {
            super(source.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
