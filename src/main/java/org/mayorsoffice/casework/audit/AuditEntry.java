package org.mayorsoffice.casework.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a record, published as an application event and written to the
 * append-only audit table by the audit module in the publisher's transaction.
 *
 * @param actor the username of who did it ("system" for jobs)
 * @param action a short verb phrase, e.g. {@code user.created}
 * @param subjectType the kind of record, e.g. {@code user}
 * @param subjectId the record's id
 * @param detail free text, optional
 * @param changes field-level old and new values, possibly empty
 */
public record AuditEntry(
        String actor, String action, String subjectType, String subjectId, String detail, List<Change> changes) {

    public AuditEntry {
        changes = List.copyOf(changes);
    }

    public static Builder of(String actor, String action, String subjectType, Object subjectId) {
        return new Builder(actor, action, subjectType, subjectId == null ? null : subjectId.toString());
    }

    /** One field that changed. */
    public record Change(String field, String oldValue, String newValue) {}

    public static final class Builder {
        private final String actor;
        private final String action;
        private final String subjectType;
        private final String subjectId;
        private String detail;
        private final List<Change> changes = new ArrayList<>();

        private Builder(String actor, String action, String subjectType, String subjectId) {
            this.actor = actor;
            this.action = action;
            this.subjectType = subjectType;
            this.subjectId = subjectId;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /** Adds a change only when the value really changed. */
        public Builder change(String field, Object oldValue, Object newValue) {
            String before = oldValue == null ? null : oldValue.toString();
            String after = newValue == null ? null : newValue.toString();
            if (!Objects.equals(before, after)) {
                changes.add(new Change(field, before, after));
            }
            return this;
        }

        public boolean hasChanges() {
            return !changes.isEmpty();
        }

        public AuditEntry build() {
            return new AuditEntry(actor, action, subjectType, subjectId, detail, changes);
        }
    }
}
