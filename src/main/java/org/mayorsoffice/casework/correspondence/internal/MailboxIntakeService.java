package org.mayorsoffice.casework.correspondence.internal;

import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.TimelineKind;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Channel;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Direction;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Status;
import org.mayorsoffice.casework.correspondence.MailboxIntake;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceService.NewFile;
import org.mayorsoffice.casework.notifications.Notifications;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email intake from the office mailbox over IMAP(S). Each new message becomes an incoming EMAIL item; a
 * message whose subject carries a case reference ({@code MO-2026-00042}) of an existing case is threaded
 * onto that case and its caseworker told.
 *
 * <p>Never duplicates, never loses: each message is saved in its own transaction with
 * {@code on conflict (message_id) do nothing}, and only after that commits is it marked in the mailbox
 * (keyword {@value #KEYWORD} and \Seen). The poll asks only for messages without the mark. A crash before
 * the commit leaves the message unmarked, so the next poll imports it; a crash after the commit but before
 * the mark makes the next poll find it already saved (a duplicate, skipped) and mark it then.
 */
@Service
public class MailboxIntakeService implements MailboxIntake {

    static final String KEYWORD = "$CaseworkImported";
    static final String ACTOR = "Mailbox intake";
    private static final Pattern REFERENCE = Pattern.compile("(?i)\\bMO-\\d{4}-\\d{5,}\\b");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Log log = LogFactory.getLog(MailboxIntakeService.class);

    private final ImapSettings settings;
    private final CorrespondenceService register;
    private final CaseDesk caseDesk;
    private final PeopleApi people;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Test hooks: run inside each message's transaction after it is written, and after the commit before marking. */
    volatile Consumer<String> whileSaving = id -> {};
    volatile Consumer<String> beforeMarking = id -> {};

    MailboxIntakeService(ImapSettings settings, CorrespondenceService register, CaseDesk caseDesk, PeopleApi people,
            Notifications notifications, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.settings = settings;
        this.register = register;
        this.caseDesk = caseDesk;
        this.people = people;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public PollResult pollOnce() {
        return settings.enabled() ? pollOnce(settings) : PollResult.NOTHING;
    }

    /** Polls the given mailbox rather than the configured one (tests point this at GreenMail). */
    public PollResult pollOnce(ImapSettings mailbox) {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Session session = Session.getInstance(sessionProperties(mailbox, protocol));
        int fetched = 0;
        int imported = 0;
        int duplicates = 0;
        int threaded = 0;
        int failed = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                boolean keywords = folder.getPermanentFlags().contains(Flags.Flag.USER);
                Message[] messages = keywords ? folder.search(new FlagTerm(new Flags(KEYWORD), false))
                        : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                messages = Arrays.copyOf(messages, Math.min(messages.length, mailbox.batchSize()));
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.FLAGS);
                folder.fetch(messages, profile);
                for (Message message : messages) {
                    fetched++;
                    Outcome outcome;
                    try {
                        Parsed parsed = parse((MimeMessage) message);
                        outcome = save(parsed);
                        beforeMarking.accept(parsed.messageId());
                    } catch (RuntimeException | MessagingException | IOException e) {
                        failed++;
                        log.warn("Could not import message " + message.getMessageNumber() + "; it stays in the mailbox"
                                + " unmarked and the next poll tries again: " + e);
                        continue;
                    }
                    switch (outcome) {
                        case DUPLICATE -> duplicates++;
                        case THREADED -> {
                            imported++;
                            threaded++;
                        }
                        case IMPORTED -> imported++;
                    }
                    mark(message, keywords);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Could not read the mailbox " + mailbox.username() + "@" + mailbox.host() + ": " + e.getMessage());
        }
        PollResult result = new PollResult(fetched, imported, duplicates, threaded, failed);
        if (fetched > 0) {
            log.info("Mailbox intake: " + result);
        }
        return result;
    }

    private static Properties sessionProperties(ImapSettings mailbox, String protocol) {
        Properties properties = new Properties();
        String timeout = String.valueOf(mailbox.timeout().toMillis());
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        if (mailbox.ssl()) {
            properties.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private static void mark(Message message, boolean keywords) {
        try {
            if (keywords) {
                message.setFlags(new Flags(KEYWORD), true);
            }
            message.setFlag(Flags.Flag.SEEN, true);
        } catch (MessagingException e) {
            // Saved but not marked: the next poll finds it already saved and marks it then.
            log.warn("Imported message " + message.getMessageNumber() + " could not be marked: " + e.getMessage());
        }
    }

    enum Outcome { IMPORTED, THREADED, DUPLICATE }

    /** What the register keeps of a message. */
    record Parsed(String messageId, String fromName, String fromEmail, String subject, LocalDate receivedOn, String text,
            List<NewFile> files) {}

    Outcome save(Parsed p) {
        return transactions.execute(tx -> {
            Long personId = p.fromEmail() == null ? null
                    : people.findByEmail(p.fromEmail()).stream().findFirst().map(PeopleApi.PersonSummary::id).orElse(null);
            Optional<Long> id = register.insert(Direction.IN, Channel.EMAIL, Status.IN_TRIAGE, p.receivedOn(), p.fromName(),
                    p.fromEmail(), null, personId, null, null, p.subject(), p.text(), p.messageId(), "MAILBOX", ACTOR);
            if (id.isEmpty()) {
                return Outcome.DUPLICATE;
            }
            List<String> refused = new ArrayList<>();
            for (NewFile file : p.files()) {
                // Checked here, not through the (transactional) register, so a refusal does not mark the transaction.
                if (!register.fitsSizeLimit(file.bytes())) {
                    refused.add(file.name() + " (empty or too large)");
                    continue;
                }
                try {
                    register.saveFile(id.get(), CorrespondenceFiles.check(file.name(), file.bytes()), file.bytes());
                } catch (RuleViolationException e) {
                    refused.add(file.name() + " (" + e.getMessage() + ")");
                }
            }
            if (!refused.isEmpty()) {
                jdbc.sql("update correspondence_item set body = left(coalesce(body, '') || ?, 100000) where id = ?")
                        .params("\n\n[Attachments not kept: " + String.join("; ", refused) + "]", id.get()).update();
            }
            Outcome outcome = Outcome.IMPORTED;
            Optional<Long> caseId = reference(p.subject()).flatMap(caseDesk::idByReference);
            if (caseId.isPresent()) {
                jdbc.sql("update correspondence_item set status = 'THREADED', case_id = ?, distributed_by = ?,"
                                + " distributed_at = now() where id = ?")
                        .params(caseId.get(), ACTOR, id.get()).update();
                var item = register.load(id.get());
                caseDesk.recordAsSystem(caseId.get(), TimelineKind.CORRESPONDENCE, ACTOR, CorrespondenceService.timelineText(item));
                var summary = caseDesk.summaryAsSystem(caseId.get()).orElseThrow();
                if (summary.allocatedToId() != null) {
                    String who = p.fromName() != null ? p.fromName() : p.fromEmail() != null ? p.fromEmail() : "the writer";
                    notifications.notify(summary.allocatedToId(), "Reply from " + who + " threaded onto " + summary.reference(),
                            "/cases/" + summary.id(), true);
                }
                outcome = Outcome.THREADED;
            }
            whileSaving.accept(p.messageId());
            return outcome;
        });
    }

    static Optional<String> reference(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(subject);
        return m.find() ? Optional.of(m.group().toUpperCase()) : Optional.empty();
    }

    // ----- reading a message -----

    Parsed parse(MimeMessage message) throws MessagingException, IOException {
        String fromName = null;
        String fromEmail = null;
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            fromEmail = address.getAddress() == null ? null : address.getAddress().strip().toLowerCase();
            fromName = address.getPersonal() == null || address.getPersonal().isBlank() ? null : address.getPersonal().strip();
        }
        String subject = message.getSubject() == null ? "" : message.getSubject().replaceAll("[\\r\\n]+", " ").strip();
        if (subject.isEmpty()) {
            subject = "(no subject)";
        }
        Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        LocalDate receivedOn = date == null ? LocalDate.now(clock) : LocalDate.ofInstant(date.toInstant(), LONDON);
        Body body = new Body();
        walk(message, body);
        String text = body.plain != null ? body.plain : body.html != null ? stripHtml(body.html) : "";
        text = text.replace("\r\n", "\n").strip();
        String messageId = message.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            Date sent = message.getSentDate();
            messageId = "sha256:" + CorrespondenceFiles.sha256((fromEmail + "\n" + (sent == null ? "" : sent.getTime()) + "\n"
                    + subject + "\n" + text).getBytes(StandardCharsets.UTF_8));
        }
        return new Parsed(CorrespondenceService.limit(messageId.strip(), 1000), fromName, fromEmail, subject, receivedOn,
                text.isEmpty() ? null : text, body.files);
    }

    private static final class Body {
        String plain;
        String html;
        final List<NewFile> files = new ArrayList<>();
    }

    private void walk(Part part, Body body) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        String fileName = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null && !part.isMimeType("multipart/*"));
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body);
            }
        } else if (attachment || part.isMimeType("message/rfc822")) {
            if (body.files.size() < CorrespondenceService.MAX_FILES) {
                byte[] bytes = read(part.getInputStream());
                String name = fileName != null ? fileName : part.isMimeType("message/rfc822") ? "forwarded.eml" : "attachment";
                body.files.add(new NewFile(name, bytes));
            }
        } else if (part.isMimeType("text/plain") && body.plain == null) {
            body.plain = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > 50L * 1024 * 1024) {
                    return new byte[0]; // far over any limit: refused as empty
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** The text of an HTML body: no scripts, styles or tags; line breaks kept; common entities decoded. */
    static String stripHtml(String html) {
        String text = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n")
                .replaceAll("(?s)<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&pound;", "\u00a3").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
