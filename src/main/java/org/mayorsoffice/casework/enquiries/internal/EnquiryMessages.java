package org.mayorsoffice.casework.enquiries.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mayorsoffice.casework.enquiries.ChaseKind;

/** The words of every email and timeline entry about an enquiry, in one place. */
final class EnquiryMessages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private EnquiryMessages() {}

    static String date(LocalDate day) {
        return day.format(DATE);
    }

    /** {@code Members' enquiry ME-2026-00012 (case MO-2026-00042)}: replies keep it, so they can be matched. */
    static String subject(String reference, String caseReference) {
        return "Members' enquiry " + reference + " (case " + caseReference + ")";
    }

    static String raisedBody(String reference, String caseReference, String onBehalfOf, String recipient,
            String question, LocalDate dueOn, int targetDays, String raisedBy) {
        return """
                Dear colleagues,

                The Mayor's Office raises this members' enquiry with %s on behalf of %s.

                Enquiry reference: %s
                Case reference: %s
                Response due by: %s (%d working days)

                The enquiry
                %s

                How to reply
                Reply to this email by %s, keeping the references %s and %s in the subject line, so that your answer
                is matched to the case. If the enquiry should be answered by another team, reply to tell us rather
                than forwarding it. Unanswered enquiries are chased automatically and escalated to the directorate's
                senior contact.

                %s
                Mayor's Office
                """.formatted(recipient, onBehalfOf, reference, caseReference, date(dueOn), targetDays, question.strip(),
                date(dueOn), reference, caseReference, raisedBy);
    }

    static String chaseSubject(ChaseKind kind, String reference, String caseReference, LocalDate dueOn) {
        String base = subject(reference, caseReference);
        return switch (kind) {
            case REMINDER -> "Reminder: " + base + " is due " + date(dueOn);
            case DUE -> "Due today: " + base;
            case OVERDUE -> "Overdue: " + base + " was due " + date(dueOn);
            case ESCALATION -> "Escalation: " + base + " was due " + date(dueOn);
        };
    }

    static String chaseBody(ChaseKind kind, String reference, String recipient, LocalDate raisedOn, LocalDate dueOn,
            int workingDaysOverdue, String seniorName, String question) {
        String opening = switch (kind) {
            case REMINDER -> "This is a reminder that the members' enquiry below, raised with " + recipient + " on "
                    + date(raisedOn) + ", is due for a response by " + date(dueOn) + ".";
            case DUE -> "The members' enquiry below, raised with " + recipient + " on " + date(raisedOn)
                    + ", is due for a response today.";
            case OVERDUE -> "We have not yet had a response to the members' enquiry below, raised with " + recipient
                    + " on " + date(raisedOn) + ". It was due on " + date(dueOn) + " and is now " + workingDaysOverdue
                    + " working " + (workingDaysOverdue == 1 ? "day" : "days") + " overdue.";
            case ESCALATION -> "We are copying this chase to " + (seniorName == null ? "the senior contact" : seniorName)
                    + " because the members' enquiry below, raised with " + recipient + " on " + date(raisedOn)
                    + ", has still not been answered. It was due on " + date(dueOn) + " and is now " + workingDaysOverdue
                    + " working " + (workingDaysOverdue == 1 ? "day" : "days") + " overdue.";
        };
        return """
                Dear colleagues,

                %s

                Please reply to this email with the response, keeping the reference %s in the subject line.

                The enquiry
                %s

                Mayor's Office
                """.formatted(opening, reference, question.strip());
    }

    static String withdrawnSubject(String reference, String caseReference) {
        return "Withdrawn: " + subject(reference, caseReference);
    }

    static String withdrawnBody(String reference, String recipient, LocalDate raisedOn, String reason) {
        return """
                Dear colleagues,

                The Mayor's Office has withdrawn members' enquiry %s, raised with %s on %s.
                No response is needed and it will not be chased.

                Reason: %s

                Mayor's Office
                """.formatted(reference, recipient, date(raisedOn), reason.strip());
    }
}
