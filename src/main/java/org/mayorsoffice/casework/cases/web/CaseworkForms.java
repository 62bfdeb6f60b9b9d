package org.mayorsoffice.casework.cases.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseEnums.Outcome;
import org.mayorsoffice.casework.cases.CaseStatus;

/** The small forms on the case page and the queues. */
final class CaseworkForms {

    private CaseworkForms() {}

    public static class NoteForm {
        private String text;
        private boolean internal;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public boolean isInternal() { return internal; }
        public void setInternal(boolean internal) { this.internal = internal; }
    }

    public static class StatusForm {
        private CaseStatus status;
        private Outcome outcome;
        private String note;
        private long version;

        public CaseStatus getStatus() { return status; }
        public void setStatus(CaseStatus status) { this.status = status; }
        public Outcome getOutcome() { return outcome; }
        public void setOutcome(Outcome outcome) { this.outcome = outcome; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }

    public static class AllocationForm {
        private List<Long> caseIds = new ArrayList<>();
        private Long caseworkerId;
        private String note;

        public List<Long> getCaseIds() { return caseIds; }
        public void setCaseIds(List<Long> caseIds) { this.caseIds = caseIds; }
        public Long getCaseworkerId() { return caseworkerId; }
        public void setCaseworkerId(Long caseworkerId) { this.caseworkerId = caseworkerId; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    /** A date typed as day, month and year boxes (GOV.UK date input). */
    static LocalDate date(String day, String month, String year) {
        return org.mayorsoffice.casework.shared.web.DateInput.parse(day, month, year);
    }

    public static class DeadlineForm {
        private String newDueOnDay;
        private String newDueOnMonth;
        private String newDueOnYear;
        private String reason;

        LocalDate newDueOn() {
            return date(newDueOnDay, newDueOnMonth, newDueOnYear);
        }

        public String getNewDueOnDay() { return newDueOnDay; }
        public void setNewDueOnDay(String v) { this.newDueOnDay = v; }
        public String getNewDueOnMonth() { return newDueOnMonth; }
        public void setNewDueOnMonth(String v) { this.newDueOnMonth = v; }
        public String getNewDueOnYear() { return newDueOnYear; }
        public void setNewDueOnYear(String v) { this.newDueOnYear = v; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    public static class ActionForm {
        private Long assigneeId;
        private String description;
        private String dueOnDay;
        private String dueOnMonth;
        private String dueOnYear;

        LocalDate dueOn() {
            return date(dueOnDay, dueOnMonth, dueOnYear);
        }

        public Long getAssigneeId() { return assigneeId; }
        public void setAssigneeId(Long assigneeId) { this.assigneeId = assigneeId; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getDueOnDay() { return dueOnDay; }
        public void setDueOnDay(String v) { this.dueOnDay = v; }
        public String getDueOnMonth() { return dueOnMonth; }
        public void setDueOnMonth(String v) { this.dueOnMonth = v; }
        public String getDueOnYear() { return dueOnYear; }
        public void setDueOnYear(String v) { this.dueOnYear = v; }
    }

    public static class LinkForm {
        private String reference;
        private String kind = "RELATED";

        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
    }

    public static class TagForm {
        private String tag;

        public String getTag() { return tag; }
        public void setTag(String tag) { this.tag = tag; }
    }

    public static class AccessForm {
        private Long userId;

        public Long getUserId() { return userId; }
        public void setUserId(Long userId) { this.userId = userId; }
    }

    public static class PersonForm {
        private String personQuery;
        private Long personId;

        public String getPersonQuery() { return personQuery; }
        public void setPersonQuery(String personQuery) { this.personQuery = personQuery; }
        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
    }
}
