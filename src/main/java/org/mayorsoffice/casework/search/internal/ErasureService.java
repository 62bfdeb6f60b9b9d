package org.mayorsoffice.casework.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure on request: the person's record becomes "Erased person" with no contact details, and mentions of
 * their name and email address in their cases (subject, description, timeline), in correspondence from them
 * or on their cases, and in the audit trail are replaced. Refused while the person or one of their cases is
 * under a legal hold. Audited without the name.
 */
@Service
@Transactional(readOnly = true)
public class ErasureService {

    public static final String ERASED = "Erased person";

    public record ErasureView(long id, String name, boolean personHold, List<String> heldCases, boolean erased) {

        public boolean blocked() {
            return personHold || !heldCases.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ErasureService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public ErasureView view(long personId) {
        Map<String, Object> person = jdbc.sql("""
                select trim(concat_ws(' ', first_name, last_name, organisation_name)) as name, legal_hold,
                       (last_name = :erased and first_name is null and email is null) as erased
                  from person where id = :id""")
                .param("id", personId).param("erased", ERASED).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No such person"));
        List<String> held = jdbc.sql("""
                select c.reference from case_person cp join casework_case c on c.id = cp.case_id
                 where cp.person_id = :id and c.legal_hold order by c.reference limit 100""")
                .param("id", personId).query(String.class).list();
        return new ErasureView(personId, (String) person.get("name"), (Boolean) person.get("legal_hold"), held,
                Boolean.TRUE.equals(person.get("erased")));
    }

    @Transactional
    public void setPersonHold(long personId, boolean hold, CurrentUser user) {
        boolean before = view(personId).personHold();
        jdbc.sql("update person set legal_hold = :hold, version = version + 1 where id = :id")
                .param("hold", hold).param("id", personId).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "person.legal-hold", "person", personId)
                .change("legalHold", before, hold).build());
    }

    /** A case's legal hold, for its page. */
    public record CaseHoldView(long id, String reference, String subject, boolean hold, String reason) {}

    public CaseHoldView caseHold(long caseId) {
        return jdbc.sql("select id, reference, subject, legal_hold, legal_hold_reason from casework_case where id = :id")
                .param("id", caseId)
                .query((rs, n) -> new CaseHoldView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5)))
                .optional().orElseThrow(() -> new NotFoundException("No such case"));
    }

    /** Places (with a reason, required) or releases a legal hold on a case; audited with the reason. */
    @Transactional
    public void setCaseHold(long caseId, boolean hold, String reason, CurrentUser user) {
        CaseHoldView before = caseHold(caseId);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null && hold) {
            throw new RuleViolationException("reason", "Enter why the case is under a legal hold");
        }
        if (why != null && why.length() > 500) {
            throw new RuleViolationException("reason", "The reason must be 500 characters or fewer");
        }
        jdbc.sql("""
                update casework_case set legal_hold = :hold, legal_hold_reason = :reason, version = version + 1
                 where id = :id""")
                .param("hold", hold).param("reason", hold ? why : null).param("id", caseId).update();
        jdbc.sql("insert into case_event (case_id, actor, kind, internal, body) values (:id, :actor, 'NOTE', true, :body)")
                .param("id", caseId).param("actor", user.getUsername())
                .param("body", (hold ? "Legal hold placed: " : "Legal hold released") + (hold ? why : why == null ? "" : ": " + why))
                .update();
        AuditEntry.Builder audit = AuditEntry.of(user.getUsername(), "case.legal-hold", "case", caseId)
                .change("legalHold", before.hold(), hold);
        if (why != null) {
            audit.detail(why);
        }
        events.publishEvent(audit.build());
    }

    /**
     * Marks a case as held for its member personally (disposed of when they leave office) or as office casework;
     * audited and noted on the timeline.
     */
    @Transactional
    public void setPersonalToMember(long caseId, boolean personal, CurrentUser user) {
        Boolean before = jdbc.sql("select personal_to_member from casework_case where id = :id").param("id", caseId)
                .query(Boolean.class).optional().orElseThrow(() -> new NotFoundException("No such case"));
        jdbc.sql("update casework_case set personal_to_member = :personal, version = version + 1 where id = :id")
                .param("personal", personal).param("id", caseId).update();
        jdbc.sql("insert into case_event (case_id, actor, kind, internal, body) values (:id, :actor, 'NOTE', true, :body)")
                .param("id", caseId).param("actor", user.getUsername())
                .param("body", personal ? "Marked as personal to the member: disposed of when they leave office"
                        : "Marked as office casework: passed to the successor when the member leaves office")
                .update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.personal-to-member", "case", caseId)
                .change("personalToMember", before, personal).build());
    }

    /** Erases the person; refused (RuleViolationException) while a legal hold applies. */
    @Transactional
    public void erase(long personId, CurrentUser user) {
        ErasureView view = view(personId);
        if (view.personHold()) {
            throw new RuleViolationException("confirm", "This person is under a legal hold, so they cannot be erased."
                    + " The head of office must lift the hold first.");
        }
        if (!view.heldCases().isEmpty()) {
            throw new RuleViolationException("confirm", "Cases about this person are under a legal hold ("
                    + String.join(", ", view.heldCases()) + "), so they cannot be erased.");
        }
        Redaction done = redact(personId);
        List<Long> ids = done.personIds();
        events.publishEvent(AuditEntry.of(user.getUsername(), "person.erased", "person", personId)
                .detail("Erased on request: name and contact details removed" + (ids.size() > 1 ? " (with "
                        + (ids.size() - 1) + " merged duplicate records)" : "") + ", mentions replaced in their cases,"
                        + " correspondence, drafts, enquiries, diary, notifications and outgoing email, "
                        + done.auditValues() + " audit values redacted")
                .build());
    }

    /** What a redaction touched: the person records erased and the number of audit values redacted. */
    record Redaction(List<Long> personIds, int auditValues) {}

    /**
     * Removes the person's details (and those of duplicates merged into them) and every mention of them, without
     * checks or an audit row of its own; for erasure and for retention. Returns the ids of the records erased.
     */
    @Transactional
    Redaction redact(long personId) {
        List<Long> ids = new ArrayList<>(List.of(personId));
        // Duplicates merged into this person are the same human being: their records go too.
        ids.addAll(jdbc.sql("select id from person where merged_into_id = :id").param("id", personId)
                .query(Long.class).list());
        Set<String> mentions = new LinkedHashSet<>();
        Set<String> strong = new LinkedHashSet<>();
        for (Map<String, Object> p : jdbc.sql("""
                select title, first_name, last_name, organisation_name, email, phone, mobile from person where id in (:ids)""")
                .param("ids", ids).query().listOfRows()) {
            collectMentions(p, mentions, strong);
        }

        int redactedAudit = 0;
        if (!mentions.isEmpty()) {
            String pattern = pattern(mentions);
            String cases = "(select case_id from case_person where person_id in (:ids))";
            replace("casework_case", "subject", "id in " + cases, pattern, ids);
            replace("casework_case", "description", "id in " + cases, pattern, ids);
            replace("case_event", "body", "case_id in " + cases, pattern, ids);
            replace("case_action", "description", "case_id in " + cases, pattern, ids);
            String items = "(person_id in (:ids) or case_id in " + cases + ")";
            for (String column : List.of("subject", "body", "sender_name", "sender_email", "sender_address", "recipient")) {
                replace("correspondence_item", column, items, pattern, ids);
            }
            // Draft responses and their versions (responses module), members' enquiries on their cases.
            String drafts = "(person_id in (:ids) or case_id in " + cases + ")";
            for (String column : List.of("case_subject", "recipient_name", "return_comments", "dispatched_email", "subject_details")) {
                replace("draft_response", column, drafts, pattern, ids);
            }
            String versions = "draft_id in (select id from draft_response where " + drafts + ")";
            replace("draft_version", "text", versions, pattern, ids);
            replace("draft_version", "note", versions, pattern, ids);
            jdbc.sql("update draft_response set letter_pdf = null where letter_pdf is not null and " + drafts)
                    .param("ids", ids).update();
            for (String column : List.of("question", "response", "withdrawn_reason", "recipient")) {
                replace("members_enquiry", column, "case_id in " + cases, pattern, ids);
            }
            // Acknowledgements and holding replies sent to them (responses module): the text and the address.
            replace("resident_update", "text", "case_id in " + cases, pattern, ids);
            replace("resident_update", "email", "case_id in " + cases, pattern, ids);
            jdbc.sql("update resident_update set letter_pdf = null where letter_pdf is not null and case_id in " + cases)
                    .param("ids", ids).update();
            // Media requests where they are the journalist (media module).
            for (String column : List.of("journalist_name", "question", "final_text")) {
                replace("media_request", column, "journalist_id in (:ids)", pattern, ids);
            }
            replace("surgery_attendance", "notes", "person_id in (:ids)", pattern, ids);
            // Diary engagements they attended (as a stakeholder): every mention.
            String engagements = "(select engagement_id from engagement_person where person_id in (:ids))";
            redactDiary("id in " + engagements, "engagement_id in " + engagements, pattern, ids);
            // Elsewhere (other engagements, notifications, outgoing email) the surname alone is too likely to be
            // someone else's: the full name, "Mrs Surname", organisation, email address and phone numbers only.
            if (!strong.isEmpty()) {
                String strongPattern = pattern(strong);
                redactDiary("true", "true", strongPattern, ids);
                replace("notification", "message", "true", strongPattern, ids);
                // Attachments of outgoing email that mentioned them go: they are copies of letters sent to them.
                jdbc.sql("""
                        delete from outbox_attachment where email_id in (select id from outbox_email
                         where to_address ~* :pattern or cc_address ~* :pattern or subject ~* :pattern or body ~* :pattern)""")
                        .param("pattern", strongPattern).update();
                for (String column : List.of("to_address", "cc_address", "subject", "body")) {
                    replace("outbox_email", column, "true", strongPattern, ids);
                }
            }
            // The audit trail: person.created/updated/merged rows carry the name, email and postcode.
            jdbc.sql("select set_config('casework.audit_redaction', 'on', true)").query().listOfRows();
            for (String column : List.of("old_value", "new_value", "detail")) {
                redactedAudit += replace("audit_event", column, "true", pattern, ids);
            }
            // Values that are the person's other details on their own audit rows (postcode, ward, notes).
            redactedAudit += jdbc.sql("""
                    update audit_event set old_value = case when old_value is null then null else 'erased' end,
                                           new_value = case when new_value is null then null else 'erased' end
                     where subject_type = 'person' and subject_id in (:sids)
                       and field in ('postcode', 'address', 'phone', 'mobile', 'email', 'name', 'accessibilityNotes')
                       and (coalesce(old_value, '') <> 'erased' or coalesce(new_value, '') <> 'erased')""")
                    .param("sids", ids.stream().map(String::valueOf).toList()).update();
            jdbc.sql("select set_config('casework.audit_redaction', 'off', true)").query().listOfRows();
        }
        jdbc.sql("""
                update person set title = null, first_name = null, last_name = :erased, organisation_name = null,
                       email = null, phone = null, mobile = null, address_line1 = null, address_line2 = null,
                       town = null, postcode = null, ward_id = null, preferred_language = null,
                       accessibility_notes = null, consent_to_share = false, consent_date = null,
                       consent_method = null, version = version + 1
                 where id in (:ids)""")
                .param("erased", ERASED).param("ids", ids).update();
        return new Redaction(ids, redactedAudit);
    }

    private void redactDiary(String engagementWhere, String childWhere, String pattern, List<Long> ids) {
        for (String column : List.of("title", "location", "external_attendees", "agenda")) {
            replace("engagement", column, engagementWhere, pattern, ids);
        }
        replace("meeting_note", "notes", childWhere, pattern, ids);
        replace("meeting_note", "decisions", childWhere, pattern, ids);
        replace("engagement_requirement", "details", childWhere, pattern, ids);
        replace("diary_action", "description", childWhere, pattern, ids);
        for (String column : List.of("title", "topic", "content", "author_name")) {
            replace("briefing", column, childWhere, pattern, ids);
        }
        for (String column : List.of("inviter", "title", "details", "location", "reply_note")) {
            replace("invitation", column, "engagement_id is null or " + childWhere, pattern, ids);
        }
    }

    private static void collectMentions(Map<String, Object> p, Set<String> mentions, Set<String> strong) {
        String first = (String) p.get("first_name");
        String last = (String) p.get("last_name");
        String title = (String) p.get("title");
        if (first != null && last != null) {
            if (title != null) {
                strong.add(title + " " + first + " " + last);
            }
            strong.add(first + " " + last);
        }
        if (last != null && last.length() >= 3 && !ERASED.equals(last)) {
            if (title != null) {
                strong.add(title + " " + last);
            }
            mentions.add(last);
        }
        addIfLong(strong, (String) p.get("organisation_name"));
        addIfLong(strong, (String) p.get("email"));
        addIfLong(strong, (String) p.get("phone"));
        addIfLong(strong, (String) p.get("mobile"));
        mentions.addAll(strong);
    }

    private static String pattern(Set<String> mentions) {
        List<String> ordered = new ArrayList<>(mentions);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return String.join("|", ordered.stream().map(ErasureService::regexLiteral).toList());
    }

    /**
     * Replaces the mentions in one column. The result is never longer than the old value or "Erased person",
     * whichever is longer, so the column's length check still holds.
     */
    private int replace(String table, String column, String where, String pattern, List<Long> ids) {
        return jdbc.sql("update " + table + " set " + column + " = left(regexp_replace(" + column
                        + ", :pattern, :erased, 'gi'), greatest(length(" + column + "), length(:erased)))"
                        + " where (" + where + ") and " + column + " ~* :pattern")
                .param("pattern", pattern).param("erased", ERASED).param("ids", ids).update();
    }

    private static void addIfLong(Set<String> mentions, String value) {
        if (value != null && value.strip().length() >= 3) {
            mentions.add(value.strip());
        }
    }

    /** A PostgreSQL (ARE) regular expression matching the text literally. */
    static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (!Character.isLetterOrDigit(ch) && ch != ' ') {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
