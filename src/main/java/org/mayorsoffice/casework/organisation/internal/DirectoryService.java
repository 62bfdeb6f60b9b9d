package org.mayorsoffice.casework.organisation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directorate directory administrators keep: each directorate's and service area's enquiry contact,
 * senior contact for escalation and response target. A service area may leave any of these blank to use
 * its directorate's. Every change is audited field by field.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryService {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** What an administrator types for a directorate or a service area (targets as typed, checked here). */
    public record ContactData(String name, String enquiryEmail, String seniorName, String seniorEmail, String targetDays,
            boolean active) {}

    public record AreaRow(long id, long directorateId, String name, String enquiryEmail, String seniorName,
            String seniorEmail, Integer targetDays, boolean active, long version) {}

    public record DirectorateRow(long id, String name, String enquiryEmail, String seniorName, String seniorEmail,
            int targetDays, boolean active, long version, List<AreaRow> areas) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DirectoryService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every directorate with its service areas, in alphabetical order (a council has a few hundred at most). */
    public List<DirectorateRow> directory() {
        Map<Long, List<AreaRow>> areas = new LinkedHashMap<>();
        jdbc.sql("select id, directorate_id, name, enquiry_email, senior_contact_name as senior_name,"
                        + " senior_contact_email as senior_email, response_target_days as target_days, active, version"
                        + " from service_area order by lower(name) limit 2000")
                .query(AreaRow.class).list()
                .forEach(a -> areas.computeIfAbsent(a.directorateId(), k -> new ArrayList<>()).add(a));
        return jdbc.sql("select id, name, enquiry_email, senior_contact_name, senior_contact_email, response_target_days,"
                        + " active, version from directorate order by lower(name) limit 500")
                .query((rs, n) -> new DirectorateRow(rs.getLong("id"), rs.getString("name"), rs.getString("enquiry_email"),
                        rs.getString("senior_contact_name"), rs.getString("senior_contact_email"),
                        rs.getInt("response_target_days"), rs.getBoolean("active"), rs.getLong("version"),
                        List.copyOf(areas.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    public DirectorateRow directorate(long id) {
        return directory().stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Directorate"));
    }

    public AreaRow serviceArea(long id) {
        return jdbc.sql("select id, directorate_id, name, enquiry_email, senior_contact_name as senior_name,"
                        + " senior_contact_email as senior_email, response_target_days as target_days, active, version"
                        + " from service_area where id = ?")
                .param(id).query(AreaRow.class).optional().orElseThrow(() -> new NotFoundException("Service area"));
    }

    @Transactional
    public long createDirectorate(ContactData data, String actor) {
        Clean c = check(data, true);
        long id;
        try {
            id = jdbc.sql("insert into directorate (name, enquiry_email, senior_contact_name, senior_contact_email,"
                            + " response_target_days, active) values (?, ?, ?, ?, ?, ?) returning id")
                    .params(c.name, c.email, c.seniorName, c.seniorEmail, c.target, data.active())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("name", "There is already a directorate called " + c.name);
        }
        events.publishEvent(AuditEntry.of(actor, "directorate.created", "directorate", id)
                .change("name", null, c.name).change("enquiryEmail", null, c.email)
                .change("seniorContactName", null, c.seniorName).change("seniorContactEmail", null, c.seniorEmail)
                .change("responseTargetDays", null, c.target).change("active", null, data.active()).build());
        return id;
    }

    @Transactional
    public void updateDirectorate(long id, ContactData data, long version, String actor) {
        DirectorateRow before = directorate(id);
        Stored stored = new Stored(before.name(), before.enquiryEmail(), before.seniorName(), before.seniorEmail(),
                before.targetDays(), before.active(), before.version());
        updateContact("directorate", "directorate", "directorate", "There is already a directorate called ",
                id, stored, check(data, true), data.active(), version, actor);
    }

    @Transactional
    public long createServiceArea(long directorateId, ContactData data, String actor) {
        directorate(directorateId);
        Clean c = check(data, false);
        long id;
        try {
            id = jdbc.sql("insert into service_area (directorate_id, name, enquiry_email, senior_contact_name,"
                            + " senior_contact_email, response_target_days, active) values (?, ?, ?, ?, ?, ?, ?) returning id")
                    .params(directorateId, c.name, c.email, c.seniorName, c.seniorEmail, c.target, data.active())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("name", "This directorate already has a service area called " + c.name);
        }
        events.publishEvent(AuditEntry.of(actor, "service-area.created", "service_area", id)
                .change("directorateId", null, directorateId).change("name", null, c.name)
                .change("enquiryEmail", null, c.email).change("seniorContactName", null, c.seniorName)
                .change("seniorContactEmail", null, c.seniorEmail).change("responseTargetDays", null, c.target)
                .change("active", null, data.active()).build());
        return id;
    }

    @Transactional
    public void updateServiceArea(long id, ContactData data, long version, String actor) {
        AreaRow before = serviceArea(id);
        Stored stored = new Stored(before.name(), before.enquiryEmail(), before.seniorName(), before.seniorEmail(),
                before.targetDays(), before.active(), before.version());
        updateContact("service_area", "service-area", "service area",
                "This directorate already has a service area called ", id, stored, check(data, false), data.active(),
                version, actor);
    }

    /** A directorate's or service area's contact details as stored, before a change. */
    private record Stored(String name, String email, String seniorName, String seniorEmail, Integer target, boolean active,
            long version) {}

    /**
     * The one update of a directorate or service area: optimistic version check, a clear message for a
     * duplicate name, and a field-by-field audit entry when anything changed.
     *
     * @param table {@code directorate} or {@code service_area} (a constant, never user input)
     */
    private void updateContact(String table, String auditName, String label, String duplicateMessage, long id,
            Stored before, Clean c, boolean active, long version, String actor) {
        int updated;
        try {
            updated = jdbc.sql("update " + table + " set name = ?, enquiry_email = ?, senior_contact_name = ?,"
                            + " senior_contact_email = ?, response_target_days = ?, active = ?, version = version + 1"
                            + " where id = ? and version = ?")
                    .params(c.name, c.email, c.seniorName, c.seniorEmail, c.target, active, id, version).update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("name", duplicateMessage + c.name);
        }
        if (updated == 0) {
            throw new ConcurrentEditException(label, before.version());
        }
        AuditEntry.Builder audit = AuditEntry.of(actor, auditName + ".updated", table, id)
                .change("name", before.name(), c.name).change("enquiryEmail", before.email(), c.email)
                .change("seniorContactName", before.seniorName(), c.seniorName)
                .change("seniorContactEmail", before.seniorEmail(), c.seniorEmail)
                .change("responseTargetDays", before.target(), c.target).change("active", before.active(), active);
        if (audit.hasChanges()) {
            events.publishEvent(audit.build());
        }
    }

    private record Clean(String name, String email, String seniorName, String seniorEmail, Integer target) {}

    /**
     * Every problem with what was typed, in form order (empty when it may be saved); a directorate needs an
     * enquiry address and a target, a service area may inherit both.
     */
    public static List<RuleViolationException> problems(ContactData data, boolean directorate) {
        List<RuleViolationException> problems = new ArrayList<>();
        try {
            check(data, directorate, problems);
        } catch (RuleViolationException e) {
            problems.add(e);
        }
        return problems;
    }

    static Clean check(ContactData data, boolean directorate) {
        List<RuleViolationException> problems = new ArrayList<>();
        Clean clean = check(data, directorate, problems);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return clean;
    }

    private static Clean check(ContactData data, boolean directorate, List<RuleViolationException> problems) {
        String name = blankToNull(data.name());
        if (name == null) {
            problems.add(new RuleViolationException("name", directorate ? "Enter the name of the directorate" : "Enter the name of the service area"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new RuleViolationException("name", "Name must be " + MAX_NAME + " characters or fewer"));
        }
        String email = email(data.enquiryEmail(), "enquiryEmail", "Enquiry email address", problems);
        if (blankToNull(data.enquiryEmail()) == null && directorate) {
            problems.add(new RuleViolationException("enquiryEmail", "Enter the email address enquiries are sent to"));
        }
        String seniorName = blankToNull(data.seniorName());
        if (seniorName != null && seniorName.length() > MAX_NAME) {
            problems.add(new RuleViolationException("seniorName", "Senior contact's name must be " + MAX_NAME + " characters or fewer"));
        }
        String seniorEmail = email(data.seniorEmail(), "seniorEmail", "Senior contact's email address", problems);
        if (seniorEmail != null && seniorName == null) {
            problems.add(new RuleViolationException("seniorName", "Enter the senior contact's name"));
        }
        if (seniorName != null && blankToNull(data.seniorEmail()) == null) {
            problems.add(new RuleViolationException("seniorEmail", "Enter the senior contact's email address, or remove their name"));
        }
        String typed = blankToNull(data.targetDays());
        Integer target = null;
        if (typed == null) {
            if (directorate) {
                problems.add(new RuleViolationException("targetDays", "Enter the response target in working days"));
            }
        } else if (!typed.matches("[0-9]{1,3}") || Integer.parseInt(typed) < 1 || Integer.parseInt(typed) > 200) {
            problems.add(new RuleViolationException("targetDays", "Response target must be a whole number of working days from 1 to 200"));
        } else {
            target = Integer.parseInt(typed);
        }
        return new Clean(name, email, seniorName, seniorEmail, target);
    }

    private static String email(String typed, String field, String label, List<RuleViolationException> problems) {
        String value = blankToNull(typed);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
            problems.add(new RuleViolationException(field, label + " must be a real email address, like name@council.gov.uk"));
            return null;
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
