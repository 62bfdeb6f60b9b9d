package org.mayorsoffice.casework.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data for records management: case types, closed cases, people; and a whole-database search. */
final class RecordsFixtures {

    private static final Random RANDOM = new Random();

    private final JdbcTemplate jdbc;

    RecordsFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String uniqueName() {
        StringBuilder name = new StringBuilder("Qzr");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    long caseType() {
        String code = "RT_" + uniqueName().substring(3).toUpperCase();
        return jdbc.queryForObject("""
                insert into case_type (code, name, internal_target_days, external_target_days)
                values (?, ?, 10, 20) returning id""", Long.class, code, "Retention test " + code);
    }

    long person(String surname) {
        return jdbc.queryForObject("""
                insert into person (kind, title, first_name, last_name, email, created_by)
                values ('RESIDENT', 'Mr', 'Tomasz', ?, ?, 'test') returning id""", Long.class, surname,
                surname.toLowerCase() + "@example.net");
    }

    /** A case of the type, closed {@code closedYearsAgo} years ago (null: still open), about the people. */
    long aCase(long caseType, Integer closedYearsAgo, String subject, Long... people) {
        long id = jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, description, priority, status, outcome,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by, closed_at, member_id)
                values (?, ?, 'EMAIL', ?, ?, 'NORMAL', ?, ?, 'STANDARD', 'PUBLIC_TASK', current_date - 3, current_date + 4,
                    current_date + 7, 'test', ?, (select min(id) from member))
                returning id""", Long.class, "MO-2019-" + (10_000_000 + RANDOM.nextInt(89_999_999)), caseType, subject,
                "About " + subject, closedYearsAgo == null ? "IN_PROGRESS" : "CLOSED",
                closedYearsAgo == null ? null : "RESOLVED",
                closedYearsAgo == null ? null : java.sql.Timestamp.from(java.time.Instant.now()
                        .minus(java.time.Duration.ofDays(366L * closedYearsAgo))));
        for (Long person : people) {
            jdbc.update("insert into case_person (case_id, person_id) values (?, ?)", id, person);
        }
        jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', ?)", id,
                "Note on " + subject);
        jdbc.update("""
                insert into case_attachment (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                values (?, 'letter.pdf', 'application/pdf', 3, encode(sha256('\\x010203'::bytea), 'hex'), '\\x010203', 'test')""", id);
        long item = jdbc.queryForObject("""
                insert into correspondence_item (direction, channel, status, occurred_on, sender_name, subject, body,
                    case_id, person_id, source, logged_by)
                values ('IN', 'EMAIL', 'ATTACHED', current_date, 'Sender', ?, 'Body', ?, ?, 'MANUAL', 'test') returning id""",
                Long.class, "Letter on " + subject, id, people.length > 0 ? people[0] : null);
        jdbc.update("""
                insert into correspondence_attachment (item_id, file_name, content_type, size_bytes, sha256, content)
                values (?, 'scan.pdf', 'application/pdf', 3, encode(sha256('\\x010203'::bytea), 'hex'), '\\x010203')""", item);
        return id;
    }

    String reference(long caseId) {
        return jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    /**
     * Every text, varchar, jsonb and tsvector column of every table holding the text, as "table.column"
     * (tsvector columns are searched for the text's lower-case start, since they hold stems).
     */
    List<String> tracesOf(String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                 where table_schema = current_schema()
                   and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'tsvector')""");
        for (Map<String, Object> column : columns) {
            boolean vector = "tsvector".equals(column.get("data_type"));
            String sql = "select count(*) from \"%s\" where \"%s\"::text ilike ?".formatted(column.get("table_name"),
                    column.get("column_name"));
            String needle = vector ? text.toLowerCase().substring(0, Math.min(text.length(), 8)) : text;
            Integer count = jdbc.queryForObject(sql, Integer.class, "%" + needle + "%");
            if (count != null && count > 0) {
                found.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return found;
    }
}
