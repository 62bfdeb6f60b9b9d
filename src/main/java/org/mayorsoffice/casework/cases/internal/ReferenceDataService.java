package org.mayorsoffice.casework.cases.internal;

import java.util.List;
import java.util.Optional;
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
 * Administrators maintain the casework reference data: case types (with their targets in working
 * days) and topics. Nothing is deleted: a type or topic no longer used is made inactive, so it
 * drops out of the choices for new cases while old cases keep it. A case's deadlines are worked
 * out when it is opened, so changing a target affects new cases only. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class ReferenceDataService {

    /** Case types and topics are a short, admin-kept list: bounded well above any real office's. */
    static final int MAX_ROWS = 500;

    public record CaseTypeRow(long id, String code, String name, int internalTargetDays, int externalTargetDays,
            boolean active) {}

    public record CaseTypeDetail(long id, String code, String name, int internalTargetDays, int externalTargetDays,
            boolean active, long version) {}

    public record CaseTypeData(String name, int internalTargetDays, int externalTargetDays, boolean active) {}

    public record TopicRow(long id, String name, boolean active) {}

    public record TopicDetail(long id, String name, boolean active, long version) {}

    public record TopicData(String name, boolean active) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final CaseReferenceOptions options;

    ReferenceDataService(JdbcClient jdbc, ApplicationEventPublisher events, CaseReferenceOptions options) {
        this.jdbc = jdbc;
        this.events = events;
        this.options = options;
    }

    // Case types

    public List<CaseTypeRow> caseTypes() {
        return jdbc.sql("select id, code, name, internal_target_days, external_target_days, active from case_type"
                        + " order by lower(name), id limit :max")
                .param("max", MAX_ROWS)
                .query((rs, n) -> new CaseTypeRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("internal_target_days"), rs.getInt("external_target_days"), rs.getBoolean("active")))
                .list();
    }

    public CaseTypeDetail caseType(long id) {
        return findCaseType(id).orElseThrow(() -> new NotFoundException("Case type"));
    }

    @Transactional
    public long createCaseType(CaseTypeData data, String actor) {
        options.caseTypesChanged();
        String name = requireName(data.name());
        CaseTypeRules.checkTargets(data.internalTargetDays(), data.externalTargetDays());
        if (caseTypeNameTaken(name, null)) {
            throw new RuleViolationException("name", "A case type with this name already exists");
        }
        String code = CaseTypeRules.code(name, candidate -> jdbc.sql("select exists (select 1 from case_type where code = ?)")
                .param(candidate).query(Boolean.class).single());
        long id = jdbc.sql("insert into case_type (code, name, internal_target_days, external_target_days, active)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(code, name, data.internalTargetDays(), data.externalTargetDays(), data.active())
                .query(Long.class).single();
        events.publishEvent(AuditEntry.of(actor, "case-type.created", "case-type", id)
                .change("code", null, code)
                .change("name", null, name)
                .change("internalTargetDays", null, data.internalTargetDays())
                .change("externalTargetDays", null, data.externalTargetDays())
                .change("active", null, data.active())
                .build());
        return id;
    }

    /** Changes a case type; its code never changes. Targets apply to cases opened from now on. */
    @Transactional
    public void updateCaseType(long id, CaseTypeData data, long version, String actor) {
        options.caseTypesChanged();
        CaseTypeDetail current = caseType(id);
        if (current.version() != version) {
            throw new ConcurrentEditException("case type", current.version());
        }
        String name = requireName(data.name());
        CaseTypeRules.checkTargets(data.internalTargetDays(), data.externalTargetDays());
        if (caseTypeNameTaken(name, id)) {
            throw new RuleViolationException("name", "A case type with this name already exists");
        }
        AuditEntry.Builder audit = AuditEntry.of(actor, "case-type.updated", "case-type", id)
                .change("name", current.name(), name)
                .change("internalTargetDays", current.internalTargetDays(), data.internalTargetDays())
                .change("externalTargetDays", current.externalTargetDays(), data.externalTargetDays())
                .change("active", current.active(), data.active());
        if (!audit.hasChanges()) {
            return;
        }
        int updated = jdbc.sql("update case_type set name = ?, internal_target_days = ?, external_target_days = ?,"
                        + " active = ?, version = version + 1 where id = ? and version = ?")
                .params(name, data.internalTargetDays(), data.externalTargetDays(), data.active(), id, version)
                .update();
        if (updated == 0) {
            throw new ConcurrentEditException("case type", caseType(id).version());
        }
        events.publishEvent(audit.build());
    }

    private Optional<CaseTypeDetail> findCaseType(long id) {
        return jdbc.sql("select id, code, name, internal_target_days, external_target_days, active, version"
                        + " from case_type where id = ?")
                .param(id)
                .query((rs, n) -> new CaseTypeDetail(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("internal_target_days"), rs.getInt("external_target_days"), rs.getBoolean("active"),
                        rs.getLong("version")))
                .optional();
    }

    private boolean caseTypeNameTaken(String name, Long exceptId) {
        return jdbc.sql("select exists (select 1 from case_type where lower(name) = lower(:name)"
                        + " and id <> :id)")
                .param("name", name).param("id", exceptId == null ? -1L : exceptId)
                .query(Boolean.class).single();
    }

    // Topics

    public List<TopicRow> topics() {
        return jdbc.sql("select id, name, active from topic order by lower(name), id limit :max")
                .param("max", MAX_ROWS)
                .query((rs, n) -> new TopicRow(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active")))
                .list();
    }

    public TopicDetail topic(long id) {
        return jdbc.sql("select id, name, active, version from topic where id = ?")
                .param(id)
                .query((rs, n) -> new TopicDetail(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"),
                        rs.getLong("version")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Topic"));
    }

    @Transactional
    public long createTopic(TopicData data, String actor) {
        options.topicsChanged();
        String name = requireName(data.name());
        if (topicNameTaken(name, null)) {
            throw topicNameTaken();
        }
        long id;
        try {
            id = jdbc.sql("insert into topic (name, active) values (?, ?) returning id")
                    .params(name, data.active())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw topicNameTaken(); // someone added the same name a moment ago (unique index topic_name_uq)
        }
        events.publishEvent(AuditEntry.of(actor, "topic.created", "topic", id)
                .change("name", null, name)
                .change("active", null, data.active())
                .build());
        return id;
    }

    @Transactional
    public void updateTopic(long id, TopicData data, long version, String actor) {
        options.topicsChanged();
        TopicDetail current = topic(id);
        if (current.version() != version) {
            throw new ConcurrentEditException("topic", current.version());
        }
        String name = requireName(data.name());
        if (topicNameTaken(name, id)) {
            throw topicNameTaken();
        }
        AuditEntry.Builder audit = AuditEntry.of(actor, "topic.updated", "topic", id)
                .change("name", current.name(), name)
                .change("active", current.active(), data.active());
        if (!audit.hasChanges()) {
            return;
        }
        int updated;
        try {
            updated = jdbc.sql("update topic set name = ?, active = ?, version = version + 1 where id = ? and version = ?")
                    .params(name, data.active(), id, version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw topicNameTaken();
        }
        if (updated == 0) {
            throw new ConcurrentEditException("topic", topic(id).version());
        }
        events.publishEvent(audit.build());
    }

    private boolean topicNameTaken(String name, Long exceptId) {
        return jdbc.sql("select exists (select 1 from topic where lower(name) = lower(:name)"
                        + " and id <> :id)")
                .param("name", name).param("id", exceptId == null ? -1L : exceptId)
                .query(Boolean.class).single();
    }

    private static RuleViolationException topicNameTaken() {
        return new RuleViolationException("name", "A topic with this name already exists");
    }

    private static String requireName(String name) {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty()) {
            throw new RuleViolationException("name", "Enter the name");
        }
        if (text.length() > 200) {
            throw new RuleViolationException("name", "Name must be 200 characters or fewer");
        }
        return text;
    }
}
