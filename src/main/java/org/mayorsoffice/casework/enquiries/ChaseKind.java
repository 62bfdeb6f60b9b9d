package org.mayorsoffice.casework.enquiries;

/** What an automatic chaser email was. */
public enum ChaseKind {
    REMINDER("Reminder before the due date"),
    DUE("Due today"),
    OVERDUE("Overdue chase"),
    ESCALATION("Escalated to the senior contact");

    private final String label;

    ChaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
