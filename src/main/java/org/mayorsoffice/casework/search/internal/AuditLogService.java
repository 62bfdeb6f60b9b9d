package org.mayorsoffice.casework.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.shared.export.TabularExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log for the head of office: who viewed or changed what, newest first, filtered by user, case, person,
 * action and date; paged by id (keyset, 50 a page) on indexes; exported as CSV streamed from the database.
 */
@Service
@Transactional(readOnly = true)
public class AuditLogService {

    public static final int PAGE_SIZE = 50;
    /** The most rows one export holds. */
    public static final int EXPORT_LIMIT = 100_000;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss").withZone(LONDON);

    /** A filter as typed; every field optional. */
    public record Filter(String user, String reference, String person, String action, String from, String to) {

        public static Filter of(String user, String reference, String person, String action, String from, String to) {
            return new Filter(trim(user), trim(reference), trim(person), trim(action), trim(from), trim(to));
        }

        private static String trim(String value) {
            return value == null ? "" : value.strip();
        }
    }

    public record Row(long id, String when, String actor, String action, String subject, String subjectHref,
            String field, String oldValue, String newValue, String detail) {}

    /** {@code olderThan} the id for the "Older entries" link (null on the last page). */
    public record Page(List<Row> rows, Long olderThan, boolean first) {}

    private record Where(String sql, MapSqlParameterSource params) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    AuditLogService(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Actions recorded so far, for the filter (a skip scan over the action index; at most 300). */
    public List<String> actions() {
        return jdbc.getJdbcTemplate().queryForList("""
                with recursive a(action) as (
                    (select action from audit_event order by action limit 1)
                    union all
                    select (select e.action from audit_event e where e.action > a.action order by e.action limit 1)
                      from a where a.action is not null)
                select action from a where action is not null limit 300""", String.class);
    }

    /**
     * Checks the filter; field errors (user, reference, person, from, to) by field in page order, empty when
     * the filter is fine.
     */
    public Map<String, String> errors(Filter filter) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!filter.reference().isEmpty() && caseId(filter.reference()) == null) {
            errors.put("reference", "No case has the reference " + filter.reference());
        }
        if (!filter.person().isEmpty() && !filter.person().matches("[0-9]{1,18}")) {
            errors.put("person", "Enter the person's number, for example 1234");
        }
        LocalDate from = date(filter.from(), "from", "Enter the start date as a real date, for example 1/11/2026", errors);
        LocalDate to = date(filter.to(), "to", "Enter the end date as a real date, for example 30/11/2026", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "The end date must be the same as or after the start date");
        }
        return errors;
    }

    public Page page(Filter filter, Long before) {
        Where where = where(filter);
        MapSqlParameterSource params = where.params().addValue("limit", PAGE_SIZE + 1);
        String sql = select() + " where " + where.sql() + (before == null ? "" : " and a.id < :before")
                + " order by a.id desc limit :limit";
        if (before != null) {
            params.addValue("before", before);
        }
        List<Row> rows = new ArrayList<>(jdbc.query(sql, params, (rs, n) -> row(rs)));
        Long older = null;
        if (rows.size() > PAGE_SIZE) {
            rows = new ArrayList<>(rows.subList(0, PAGE_SIZE));
            older = rows.get(PAGE_SIZE - 1).id();
        }
        return new Page(rows, older, before == null);
    }

    /** Writes the filtered log as CSV, newest first, row by row from the database (at most EXPORT_LIMIT rows). */
    @Transactional
    public void export(Filter filter, Writer out, String actor) {
        Where where = where(filter);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        streaming.setFetchSize(500);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(streaming);
        write(out, "When,User,Action,Record,Field,Old value,New value,Detail\n");
        named.query(select() + " where " + where.sql() + " order by a.id desc limit :limit",
                where.params().addValue("limit", EXPORT_LIMIT), rs -> {
                    Row row = row(rs);
                    write(out, String.join(",", List.of(row.when(), row.actor(), row.action(), row.subject(),
                            nullToEmpty(row.field()), nullToEmpty(row.oldValue()), nullToEmpty(row.newValue()),
                            nullToEmpty(row.detail())).stream().map(TabularExport::csvCell).toList()) + "\n");
                });
        events.publishEvent(AuditEntry.of(actor, "audit.exported", "audit", "log")
                .detail("Audit log exported" + describe(filter)).build());
    }

    private static String describe(Filter f) {
        List<String> parts = new ArrayList<>();
        if (!f.user().isEmpty()) parts.add("user " + f.user());
        if (!f.reference().isEmpty()) parts.add("case " + f.reference());
        if (!f.person().isEmpty()) parts.add("person " + f.person());
        if (!f.action().isEmpty()) parts.add("action " + f.action());
        if (!f.from().isEmpty()) parts.add("from " + f.from());
        if (!f.to().isEmpty()) parts.add("to " + f.to());
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String select() {
        return """
                select a.id, a.occurred_at, a.actor, a.action, a.subject_type, a.subject_id, a.field, a.old_value,
                       a.new_value, a.detail, c.reference
                  from audit_event a
                  left join casework_case c
                         on c.id = (case when a.subject_type = 'case' and a.subject_id ~ '^[0-9]{1,18}$'
                                         then a.subject_id::bigint end)""";
    }

    private Where where(Filter filter) {
        List<String> parts = new ArrayList<>(List.of("true"));
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!filter.user().isEmpty()) {
            parts.add("a.actor = :actor");
            params.addValue("actor", filter.user());
        }
        if (!filter.reference().isEmpty()) {
            parts.add("a.subject_type = 'case' and a.subject_id = :caseId");
            Long id = caseId(filter.reference());
            params.addValue("caseId", String.valueOf(id == null ? -1 : id));
        }
        if (!filter.person().isEmpty()) {
            parts.add("a.subject_type = 'person' and a.subject_id = :personId");
            params.addValue("personId", filter.person());
        }
        if (!filter.action().isEmpty()) {
            parts.add("a.action = :action");
            params.addValue("action", filter.action());
        }
        LocalDate from = parseDate(filter.from());
        if (from != null) {
            parts.add("a.occurred_at >= :from");
            params.addValue("from", java.sql.Timestamp.from(from.atStartOfDay(LONDON).toInstant()));
        }
        LocalDate to = parseDate(filter.to());
        if (to != null) {
            parts.add("a.occurred_at < :to");
            params.addValue("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(LONDON).toInstant()));
        }
        return new Where(String.join(" and ", parts), params);
    }

    private Long caseId(String reference) {
        List<Long> ids = jdbc.queryForList("select id from casework_case where reference = upper(:ref)",
                new MapSqlParameterSource("ref", reference), Long.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static Row row(ResultSet rs) throws SQLException {
        String type = rs.getString("subject_type");
        String id = rs.getString("subject_id");
        String reference = rs.getString("reference");
        String subject = reference != null ? "Case " + reference : type + " " + id;
        String href = reference != null ? "/cases/" + id
                : "person".equals(type) && id != null && id.matches("[0-9]+") ? "/people/" + id : null;
        Instant at = rs.getTimestamp("occurred_at").toInstant();
        return new Row(rs.getLong("id"), WHEN.format(at), rs.getString("actor"), rs.getString("action"), subject, href,
                rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"), rs.getString("detail"));
    }

    private static LocalDate date(String text, String field, String message, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = parseDate(text);
        if (date == null) {
            errors.put(field, message);
        }
        return date;
    }

    /** "2026-11-01" (a date input) or "1/11/2026"; null when neither. */
    static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(text);
            }
            String[] parts = text.split("/");
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[0].strip()));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
