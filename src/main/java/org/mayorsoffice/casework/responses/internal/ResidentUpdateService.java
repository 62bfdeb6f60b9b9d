package org.mayorsoffice.casework.responses.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.CaseSummary;
import org.mayorsoffice.casework.cases.CaseDesk.TimelineKind;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.people.PeopleApi.ContactPreferences;
import org.mayorsoffice.casework.people.PeopleApi.Correspondent;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.responses.internal.DraftService.Signature;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.Kind;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.TemplateDetail;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Updates to residents that need no approval: an acknowledgement when a case is logged (with its reference and
 * the date they can expect a full reply) and a holding reply when a case passes its internal target without a
 * response. Sent by email through the outbox, or as a letter (PDF on letterhead, kept) for posting; each
 * sending is stored and written on the case timeline. The person's preferred contact method chooses the
 * default channel, and a preferred language other than English is pointed out to the sender.
 */
@Service
@Transactional(readOnly = true)
public class ResidentUpdateService {

    public enum UpdateKind {
        ACKNOWLEDGEMENT("Acknowledgement", "acknowledgement", "Acknowledgement"),
        HOLDING_REPLY("Holding reply", "holding-reply", "Holding reply");

        private final String label;
        private final String path;
        private final String templateName;

        UpdateKind(String label, String path, String templateName) {
            this.label = label;
            this.path = path;
            this.templateName = templateName;
        }

        public String label() {
            return label;
        }

        public String path() {
            return path;
        }
    }

    public enum Channel { EMAIL, LETTER }

    /** The send page: who, how (and why), the text, and what was sent before. */
    public record Compose(DraftViews.CaseRef c, UpdateKind kind, List<Option> recipients, Long personId,
            List<Option> templates, Long templateId, String text, Channel channel, String email, String preferredContact,
            String languageNote, LocalDate replyBy, List<SentRow> sent) {}

    public record SentRow(long id, UpdateKind kind, String recipient, String channelLabel, Instant sentAt, String sentBy,
            String letterHref) {}

    private final JdbcClient jdbc;
    private final CaseDesk cases;
    private final PeopleApi people;
    private final LetterTemplateService templates;
    private final DraftService drafts;
    private final Outbox outbox;
    private final Clock clock;

    ResidentUpdateService(JdbcClient jdbc, CaseDesk cases, PeopleApi people, LetterTemplateService templates,
            DraftService drafts, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.people = people;
        this.templates = templates;
        this.drafts = drafts;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Compose compose(long caseId, UpdateKind kind, Long personId, Long templateId, CurrentUser user) {
        DraftService.requireStaff(user);
        CaseSummary c = visibleCase(caseId, user);
        List<Option> recipients = c.people().stream().map(p -> Option.of(p.id(), p.displayName()
                + (p.postcode() == null ? "" : ", " + p.postcode()))).toList();
        List<TemplateDetail> active = templates.active(Kind.TEMPLATE);
        List<Option> templateOptions = active.stream().map(t -> Option.of(t.id(), t.name())).toList();
        Long chosenTemplate = templateId != null && active.stream().anyMatch(t -> t.id() == templateId) ? templateId
                : active.stream().filter(t -> t.name().equalsIgnoreCase(kind.templateName)).map(TemplateDetail::id)
                        .findFirst().orElse(null);
        Long chosenPerson = personId != null && onCase(c, personId) ? personId
                : c.people().isEmpty() ? null : c.people().get(0).id();
        String text = null;
        Channel channel = Channel.LETTER;
        String email = null;
        String preferred = null;
        String languageNote = null;
        if (chosenPerson != null) {
            Correspondent person = people.correspondent(chosenPerson).orElseThrow(() -> new NotFoundException("Person"));
            email = blankToNull(person.email());
            ContactPreferences prefs = people.contactPreferences(chosenPerson).orElse(null);
            channel = defaultChannel(prefs == null ? null : prefs.method(), email != null);
            preferred = prefs == null ? null : prefs.methodLabel();
            if (prefs != null && prefs.language() != null && !isEnglish(prefs.language())) {
                languageNote = person.displayName() + " prefers " + prefs.language()
                        + ". Arrange a translation of this " + kind.label().toLowerCase()
                        + " or contact them in " + prefs.language() + " if you can.";
            }
            if (chosenTemplate != null) {
                String body = active.stream().filter(t -> t.id() == chosenTemplate).map(TemplateDetail::body).findFirst()
                        .orElse("");
                text = MergeFields.merge(body, drafts.mergeValues(c, person)).text();
            }
        }
        return new Compose(new DraftViews.CaseRef(c.id(), c.reference(), c.subject()), kind, recipients, chosenPerson,
                templateOptions, chosenTemplate, text, channel, email, preferred, languageNote, c.dueOn(), sent(caseId));
    }

    /** The channel to offer first: what the person prefers, else email when there is an address, else a letter. */
    static Channel defaultChannel(String preferredMethod, boolean hasEmail) {
        if ("LETTER".equals(preferredMethod) || !hasEmail) {
            return Channel.LETTER;
        }
        return Channel.EMAIL;
    }

    static boolean isEnglish(String language) {
        String l = language.strip().toLowerCase();
        return l.equals("english") || l.equals("en") || l.startsWith("english ");
    }

    @Transactional
    public long send(long caseId, UpdateKind kind, Long personId, Channel channel, String text, CurrentUser user) {
        DraftService.requireStaff(user);
        CaseSummary c = visibleCase(caseId, user);
        if (personId == null || !onCase(c, personId)) {
            throw new RuleViolationException("personId", "Select who to send it to");
        }
        if (channel == null) {
            throw new RuleViolationException("channel", "Select how to send it");
        }
        String clean = DraftService.checkText(text);
        if (clean.isBlank()) {
            throw new RuleViolationException("text", "Enter the text of the " + kind.label().toLowerCase());
        }
        List<String> left = MergeFields.placeholders(clean);
        if (!left.isEmpty()) {
            throw new RuleViolationException("text", "Replace " + String.join(", ", left) + " before sending");
        }
        Correspondent person = people.correspondent(personId).orElseThrow(() -> new NotFoundException("Person"));
        String email = blankToNull(person.email());
        if (channel == Channel.EMAIL && email == null) {
            throw new RuleViolationException("channel", person.displayName() + " has no email address: send it by letter");
        }
        Signature signature = drafts.officeSignature(c.memberId());
        LocalDate today = LocalDate.now(clock);
        String replyBy = c.dueOn() == null ? null : c.dueOn().format(DraftService.LETTER_DATE);
        String footer = "Our reference: " + c.reference() + (kind == UpdateKind.ACKNOWLEDGEMENT && replyBy != null
                ? "\nYou can expect a full reply by " + replyBy + "." : "");
        byte[] pdf = null;
        if (channel == Channel.EMAIL) {
            String body = "Dear " + DraftService.salutation(person) + ",\n\n" + clean + "\n\nYours sincerely,\n\n"
                    + signature.name() + "\n" + signature.title() + "\n" + drafts.councilName() + "\n\n" + footer + "\n";
            String subject = kind.label() + ": " + c.subject() + " (" + c.reference() + ")";
            outbox.queue(Outbox.Email.of(email, subject.length() > 300 ? subject.substring(0, 300) : subject, body,
                    "resident-update:" + caseId));
        } else {
            String letterText = clean + (kind == UpdateKind.ACKNOWLEDGEMENT && replyBy != null && !clean.contains(replyBy)
                    ? "\n\nYou can expect a full reply by " + replyBy + "." : "");
            pdf = drafts.renderLetter(person, c.reference(), letterText, signature, today);
        }
        long id = jdbc.sql("insert into resident_update (case_id, person_id, kind, channel, email, text, reply_by, letter_pdf,"
                        + " sent_by_id, sent_by, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(caseId, person.id(), kind.name(), channel.name(), channel == Channel.EMAIL ? email : null, clean,
                        c.dueOn(), pdf, user.id(), user.displayName(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        cases.record(caseId, TimelineKind.DISPATCH, kind.label() + " sent to " + person.displayName() + " "
                + (channel == Channel.EMAIL ? "by email to " + email : "by letter (printed for posting)") + ".", false, user);
        return id;
    }

    /** A letter as sent, for printing. */
    public DraftService.Letter letter(long caseId, long updateId, CurrentUser user) {
        DraftService.requireStaff(user);
        CaseSummary c = visibleCase(caseId, user);
        byte[] pdf = jdbc.sql("select letter_pdf from resident_update where id = ? and case_id = ? and letter_pdf is not null")
                .params(updateId, caseId).query(byte[].class).optional().orElseThrow(() -> new NotFoundException("Letter"));
        return new DraftService.Letter(c.reference() + "-update-" + updateId + ".pdf", pdf);
    }

    private List<SentRow> sent(long caseId) {
        return jdbc.sql("""
                        select u.id, u.kind, u.channel, u.email, u.sent_at, u.sent_by, u.letter_pdf is not null, u.person_id
                          from resident_update u where u.case_id = ? order by u.sent_at desc, u.id desc limit 20""")
                .param(caseId)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    String recipient = people.summary(rs.getLong(8)).map(PersonSummary::displayName).orElse("");
                    boolean letter = rs.getBoolean(7);
                    return new SentRow(id, UpdateKind.valueOf(rs.getString(2)), recipient,
                            "EMAIL".equals(rs.getString(3)) ? "Email to " + rs.getString(4) : "Letter",
                            rs.getTimestamp(5).toInstant(), rs.getString(6),
                            letter ? "/cases/" + caseId + "/resident-updates/" + id + "/letter.pdf" : null);
                })
                .list();
    }

    private CaseSummary visibleCase(long caseId, CurrentUser user) {
        return cases.summary(caseId, user).orElseThrow(() -> new NotFoundException("Case"));
    }

    private static boolean onCase(CaseSummary c, long personId) {
        return c.people().stream().anyMatch(p -> p.id() == personId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
