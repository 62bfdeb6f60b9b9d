package org.mayorsoffice.casework.responses.internal;

import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Letter templates and standard lines, maintained by administrators; every change is audited. */
@Service
@Transactional(readOnly = true)
public class LetterTemplateService {

    public enum Kind {
        TEMPLATE("Letter template"),
        STANDARD_LINE("Standard line");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record TemplateRow(long id, String name, Kind kind, String kindLabel, boolean active, String preview) {}

    public record TemplateDetail(long id, String name, Kind kind, String body, boolean active, long version) {}

    public record TemplateData(String name, Kind kind, String body, boolean active) {}

    static final int MAX_BODY = 20000;

    private static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LetterTemplateService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<TemplateRow> all() {
        return jdbc.sql("select id, name, kind, active, body from letter_template order by kind, lower(name) limit " + LIST_LIMIT)
                .query((rs, n) -> {
                    Kind kind = Kind.valueOf(rs.getString(3));
                    String body = rs.getString(5).replaceAll("\\s+", " ").strip();
                    return new TemplateRow(rs.getLong(1), rs.getString(2), kind, kind.label(), rs.getBoolean(4),
                            body.length() > 90 ? body.substring(0, 90) + "…" : body);
                })
                .list();
    }

    /** Active templates (or standard lines) by name. */
    public List<TemplateDetail> active(Kind kind) {
        return jdbc.sql("select id, name, kind, body, active, version from letter_template where kind = ? and active"
                        + " order by lower(name) limit " + LIST_LIMIT)
                .param(kind.name()).query(LetterTemplateService::detail).list();
    }

    public TemplateDetail template(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Letter template"));
    }

    Optional<TemplateDetail> find(long id) {
        return jdbc.sql("select id, name, kind, body, active, version from letter_template where id = ?")
                .param(id).query(LetterTemplateService::detail).optional();
    }

    @Transactional
    public long create(TemplateData data, String actor) {
        TemplateData clean = validate(data, null);
        long id = jdbc.sql("insert into letter_template (name, kind, body, active) values (?, ?, ?, ?) returning id")
                .params(clean.name(), clean.kind().name(), clean.body(), clean.active()).query(Long.class).single();
        events.publishEvent(AuditEntry.of(actor, "letter-template.created", "letter_template", id)
                .change("name", null, clean.name())
                .change("kind", null, clean.kind())
                .change("body", null, clean.body())
                .change("active", null, clean.active())
                .build());
        return id;
    }

    @Transactional
    public void update(long id, TemplateData data, long version, String actor) {
        TemplateDetail old = template(id);
        if (old.version() != version) {
            throw new ConcurrentEditException("letter template", old.version());
        }
        TemplateData clean = validate(data, id);
        int updated = jdbc.sql("update letter_template set name = ?, kind = ?, body = ?, active = ?, version = version + 1"
                        + " where id = ? and version = ?")
                .params(clean.name(), clean.kind().name(), clean.body(), clean.active(), id, version).update();
        if (updated == 0) {
            throw new ConcurrentEditException("letter template", old.version());
        }
        AuditEntry.Builder audit = AuditEntry.of(actor, "letter-template.updated", "letter_template", id)
                .change("name", old.name(), clean.name())
                .change("kind", old.kind(), clean.kind())
                .change("body", old.body(), clean.body())
                .change("active", old.active(), clean.active());
        if (audit.hasChanges()) {
            events.publishEvent(audit.build());
        }
    }

    private TemplateData validate(TemplateData data, Long id) {
        String name = data.name() == null ? "" : data.name().strip();
        String body = data.body() == null ? "" : data.body().strip();
        if (name.isEmpty()) {
            throw new RuleViolationException("name", "Enter a name for the template");
        }
        if (name.length() > 120) {
            throw new RuleViolationException("name", "Name must be 120 characters or fewer");
        }
        if (data.kind() == null) {
            throw new RuleViolationException("kind", "Select whether this is a letter template or a standard line");
        }
        if (body.isEmpty()) {
            throw new RuleViolationException("body", "Enter the text");
        }
        if (body.length() > MAX_BODY) {
            throw new RuleViolationException("body", "Text must be " + MAX_BODY + " characters or fewer");
        }
        List<String> unknown = MergeFields.merge(body, DraftService.sampleValues()).unknownFields();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("body", "Unknown merge field " + String.join(", ", unknown)
                    + ": use one of the fields listed below the text box");
        }
        boolean taken = jdbc.sql("select count(*) from letter_template where lower(name) = lower(?) and id <> ?")
                .params(name, id == null ? -1L : id).query(Long.class).single() > 0;
        if (taken) {
            throw new RuleViolationException("name", "A template or standard line with this name already exists");
        }
        return new TemplateData(name, data.kind(), body, data.active());
    }

    private static TemplateDetail detail(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TemplateDetail(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getBoolean(5), rs.getLong(6));
    }
}
