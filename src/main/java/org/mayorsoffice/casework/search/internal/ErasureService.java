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

    @Transactional
    public void setCaseHold(long caseId, boolean hold, CurrentUser user) {
        Boolean before = jdbc.sql("select legal_hold from casework_case where id = :id").param("id", caseId)
                .query(Boolean.class).optional().orElseThrow(() -> new NotFoundException("No such case"));
        jdbc.sql("update casework_case set legal_hold = :hold, version = version + 1 where id = :id")
                .param("hold", hold).param("id", caseId).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.legal-hold", "case", caseId)
                .change("legalHold", before, hold).build());
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
        Map<String, Object> p = jdbc.sql("""
                select title, first_name, last_name, organisation_name, email, phone, mobile from person where id = :id""")
                .param("id", personId).query().singleRow();
        Set<String> mentions = new LinkedHashSet<>();
        String first = (String) p.get("first_name");
        String last = (String) p.get("last_name");
        String title = (String) p.get("title");
        if (first != null && last != null) {
            if (title != null) {
                mentions.add(title + " " + first + " " + last);
            }
            mentions.add(first + " " + last);
        }
        if (last != null && last.length() >= 3 && !ERASED.equals(last)) {
            if (title != null) {
                mentions.add(title + " " + last);
            }
            mentions.add(last);
        }
        addIfLong(mentions, (String) p.get("organisation_name"));
        addIfLong(mentions, (String) p.get("email"));
        addIfLong(mentions, (String) p.get("phone"));
        addIfLong(mentions, (String) p.get("mobile"));

        int redactedAudit = 0;
        if (!mentions.isEmpty()) {
            List<String> ordered = new ArrayList<>(mentions);
            ordered.sort(Comparator.comparingInt(String::length).reversed());
            String pattern = String.join("|", ordered.stream().map(ErasureService::regexLiteral).toList());
            String cases = "(select case_id from case_person where person_id = :id)";
            // Each replacement is cut to the column's maximum length (its check constraint), in case
            // "Erased person" is longer than the name it replaces.
            replace("casework_case", "subject", 200, "id in " + cases, pattern, personId);
            replace("casework_case", "description", 20000, "id in " + cases, pattern, personId);
            replace("case_event", "body", 20000, "case_id in " + cases, pattern, personId);
            String items = "(person_id = :id or case_id in " + cases + ")";
            Map<String, Integer> columns = Map.of("subject", 300, "body", 100000, "sender_name", 200,
                    "sender_email", 320, "sender_address", 500, "recipient", 400);
            columns.forEach((column, max) -> replace("correspondence_item", column, max, items, pattern, personId));
            // The audit trail: person.created/updated/merged rows carry the name, email and postcode.
            jdbc.sql("select set_config('casework.audit_redaction', 'on', true)").query().listOfRows();
            for (String column : List.of("old_value", "new_value", "detail")) {
                redactedAudit += replace("audit_event", column, 100000, "true", pattern, personId);
            }
            // Values that are the person's other details on their own audit rows (postcode, ward, notes).
            redactedAudit += jdbc.sql("""
                    update audit_event set old_value = case when old_value is null then null else 'erased' end,
                                           new_value = case when new_value is null then null else 'erased' end
                     where subject_type = 'person' and subject_id = :sid
                       and field in ('postcode', 'address', 'phone', 'mobile', 'email', 'name', 'accessibilityNotes')
                       and (coalesce(old_value, '') <> 'erased' or coalesce(new_value, '') <> 'erased')""")
                    .param("sid", String.valueOf(personId)).update();
            jdbc.sql("select set_config('casework.audit_redaction', 'off', true)").query().listOfRows();
        }
        jdbc.sql("""
                update person set title = null, first_name = null, last_name = :erased, organisation_name = null,
                       email = null, phone = null, mobile = null, address_line1 = null, address_line2 = null,
                       town = null, postcode = null, ward_id = null, preferred_language = null,
                       accessibility_notes = null, consent_to_share = false, consent_date = null,
                       consent_method = null, version = version + 1
                 where id = :id""")
                .param("erased", ERASED).param("id", personId).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "person.erased", "person", personId)
                .detail("Erased on request: name and contact details removed, mentions replaced in their cases and"
                        + " correspondence, " + redactedAudit + " audit values redacted")
                .build());
    }

    private int replace(String table, String column, int max, String where, String pattern, long personId) {
        return jdbc.sql("update " + table + " set " + column + " = left(regexp_replace(" + column
                        + ", :pattern, :erased, 'gi'), " + max + ")"
                        + " where " + where + " and " + column + " ~* :pattern")
                .param("pattern", pattern).param("erased", ERASED).param("id", personId).update();
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
