package org.mayorsoffice.casework.search.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.pdf.PdfRenderer;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subject access requests: logs the request (due one calendar month later) and builds the one ZIP the
 * office sends: a PDF summary of the person's record, their cases with the timeline entries not marked
 * internal, their correspondence, plus the original files attached to their cases.
 */
@Service
@Transactional(readOnly = true)
public class SubjectAccessService {

    public record PersonRecord(long id, String name, List<String> details) {}

    public record RequestRow(LocalDate requestedOn, LocalDate dueOn, String requestedBy, Instant completedAt) {}

    public record CaseEntry(String when, String body) {}

    public record CaseSection(long id, String reference, String subject, String description, String status,
            LocalDate receivedOn, List<CaseEntry> entries) {}

    public record LetterRow(LocalDate occurredOn, String direction, String from, String subject, String body) {}

    /** The ZIP to download. */
    public record Download(String fileName, byte[] content) {}

    private final JdbcClient jdbc;
    private final PdfRenderer pdf;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubjectAccessService(JdbcClient jdbc, PdfRenderer pdf, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.events = events;
        this.clock = clock;
    }

    public PersonRecord person(long personId) {
        return jdbc.sql("""
                select p.id, trim(concat_ws(' ', p.title, p.first_name, p.last_name)) as person_name,
                       p.organisation_name, p.email, p.phone, p.mobile, p.address_line1, p.address_line2, p.town,
                       p.postcode, w.name as ward_name, p.preferred_contact, p.preferred_language, p.kind
                  from person p left join ward w on w.id = p.ward_id
                 where p.id = :id""")
                .param("id", personId)
                .query((rs, n) -> {
                    String name = rs.getString("person_name");
                    if (name == null || name.isBlank()) {
                        name = rs.getString("organisation_name");
                    }
                    List<String> details = new ArrayList<>();
                    add(details, "Organisation", rs.getString("organisation_name"));
                    add(details, "Email", rs.getString("email"));
                    add(details, "Phone", rs.getString("phone"));
                    add(details, "Mobile", rs.getString("mobile"));
                    add(details, "Address", String.join(", ", java.util.stream.Stream.of(rs.getString("address_line1"),
                            rs.getString("address_line2"), rs.getString("town"), rs.getString("postcode"))
                            .filter(s -> s != null && !s.isBlank()).toList()));
                    add(details, "Ward", rs.getString("ward_name"));
                    add(details, "Preferred contact", rs.getString("preferred_contact"));
                    add(details, "Preferred language", rs.getString("preferred_language"));
                    return new PersonRecord(rs.getLong("id"), name, details);
                })
                .optional().orElseThrow(() -> new NotFoundException("No such person"));
    }

    public List<RequestRow> requests(long personId) {
        return jdbc.sql("""
                select requested_on, due_on, requested_by, completed_at from subject_access_request
                 where person_id = :id order by requested_on desc, id desc limit 50""")
                .param("id", personId)
                .query((rs, n) -> new RequestRow(rs.getDate("requested_on").toLocalDate(),
                        rs.getDate("due_on").toLocalDate(), rs.getString("requested_by"),
                        rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant()))
                .list();
    }

    /** Logs the request, builds the ZIP, marks the request answered and audits it. */
    @Transactional
    public Download request(long personId, CurrentUser user) {
        PersonRecord person = person(personId);
        LocalDate today = LocalDate.now(clock);
        long requestId = jdbc.sql("""
                insert into subject_access_request (person_id, requested_on, due_on, requested_by)
                values (:person, :today, :due, :by) returning id""")
                .param("person", personId).param("today", today).param("due", today.plusMonths(1))
                .param("by", user.getUsername()).query(Long.class).single();

        List<CaseSection> cases = cases(personId);
        List<LetterRow> letters = correspondence(personId);
        Map<String, Object> vars = new HashMap<>();
        vars.put("person", person);
        vars.put("cases", cases);
        vars.put("letters", letters);
        vars.put("today", today.format(SearchFormats.DATE));
        vars.put("requestedBy", user.displayName());
        byte[] summary = pdf.render("pdf/subject-access", vars);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int files = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("summary.pdf"));
            zip.write(summary);
            zip.closeEntry();
            Set<String> names = new HashSet<>();
            for (CaseSection c : cases) {
                List<Map<String, Object>> attachments = jdbc.sql("""
                        select id, file_name, content from case_attachment where case_id = :id order by id limit 500""")
                        .param("id", c.id()).query().listOfRows();
                for (Map<String, Object> a : attachments) {
                    String name = "attachments/" + c.reference() + "/" + a.get("id") + "-"
                            + a.get("file_name").toString().replaceAll("[\\\\/:*?\"<>|]", "_");
                    if (names.add(name)) {
                        zip.putNextEntry(new ZipEntry(name));
                        zip.write((byte[]) a.get("content"));
                        zip.closeEntry();
                        files++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("update subject_access_request set completed_at = now() where id = :id").param("id", requestId).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "person.subject-access", "person", personId)
                .detail("Subject access request " + requestId + " answered: " + cases.size() + " cases, "
                        + letters.size() + " correspondence items, " + files + " attachments")
                .build());
        return new Download("subject-access-" + personId + "-" + today + ".zip", bytes.toByteArray());
    }

    private List<CaseSection> cases(long personId) {
        List<CaseSection> sections = new ArrayList<>();
        List<Map<String, Object>> rows = jdbc.sql("""
                select c.id, c.reference, c.subject, c.description, c.status, c.received_on
                  from case_person cp join casework_case c on c.id = cp.case_id
                 where cp.person_id = :id order by c.received_on, c.id limit 500""")
                .param("id", personId).query().listOfRows();
        for (Map<String, Object> row : rows) {
            long caseId = ((Number) row.get("id")).longValue();
            List<CaseEntry> entries = jdbc.sql("""
                    select occurred_at, body from case_event
                     where case_id = :id and not internal order by occurred_at, id limit 2000""")
                    .param("id", caseId)
                    .query((rs, n) -> new CaseEntry(rs.getTimestamp("occurred_at").toInstant()
                            .atZone(clock.getZone()).toLocalDate().format(SearchFormats.DATE), rs.getString("body")))
                    .list();
            sections.add(new CaseSection(caseId, (String) row.get("reference"), (String) row.get("subject"),
                    (String) row.get("description"), (String) row.get("status"),
                    ((java.sql.Date) row.get("received_on")).toLocalDate(), entries));
        }
        return sections;
    }

    private List<LetterRow> correspondence(long personId) {
        return jdbc.sql("""
                select i.occurred_on, i.direction, coalesce(i.sender_name, i.sender_email, i.recipient) as who,
                       i.subject, i.body
                  from correspondence_item i
                 where i.person_id = :id
                    or i.case_id in (select case_id from case_person where person_id = :id)
                 order by i.occurred_on, i.id limit 2000""")
                .param("id", personId)
                .query((rs, n) -> new LetterRow(rs.getDate("occurred_on").toLocalDate(),
                        "IN".equals(rs.getString("direction")) ? "Received" : "Sent", rs.getString("who"),
                        rs.getString("subject"), rs.getString("body")))
                .list();
    }

    private static void add(List<String> details, String label, String value) {
        if (value != null && !value.isBlank()) {
            details.add(label + ": " + value);
        }
    }
}
