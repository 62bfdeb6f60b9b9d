package org.mayorsoffice.casework.audit.internal;

import org.mayorsoffice.casework.audit.AuditEntry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes audit events in the publisher's transaction, so a change and its audit rows commit or
 * roll back together. One row per changed field, or one row when nothing field-level changed.
 */
@Component
class AuditRecorder {

    private static final String INSERT = "insert into audit_event (actor, action, subject_type, subject_id, field,"
            + " old_value, new_value, detail) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    AuditRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AuditEntry entry) {
        if (entry.changes().isEmpty()) {
            jdbc.update(INSERT, entry.actor(), entry.action(), entry.subjectType(), entry.subjectId(), null, null, null,
                    entry.detail());
            return;
        }
        jdbc.batchUpdate(INSERT, entry.changes().stream()
                .map(c -> new Object[] {entry.actor(), entry.action(), entry.subjectType(), entry.subjectId(),
                        c.field(), c.oldValue(), c.newValue(), entry.detail()})
                .toList());
    }
}
