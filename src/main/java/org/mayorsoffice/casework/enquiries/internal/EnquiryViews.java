package org.mayorsoffice.casework.enquiries.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.enquiries.EnquiryStatus;
import org.mayorsoffice.casework.shared.web.PageView;

/** Read models for the enquiry pages, built inside the query's transaction. */
public final class EnquiryViews {

    private EnquiryViews() {}

    /**
     * One open enquiry in the list. {@code daysOverdue} is in working days (0 when not overdue); the tag says
     * Overdue (red), Due today (orange) or Open (blue).
     */
    public record EnquiryRow(long id, String reference, long caseId, String caseReference, String caseSubject,
            String recipient, LocalDate raisedOn, LocalDate dueOn, LocalDate lastChasedOn, int chaseCount,
            String caseworker, boolean overdue, int daysOverdue, String tagText, String tagColour) {}

    /** Open and overdue enquiries the user may see, for one directorate. */
    public record DirectorateCount(long directorateId, String name, long open, long overdue) {

        public String optionLabel() {
            return name + " (" + open + " open" + (overdue > 0 ? ", " + overdue + " overdue" : "") + ")";
        }
    }

    public record EnquiryList(PageView<EnquiryRow> page, List<DirectorateCount> counts, long totalOpen, long totalOverdue) {}

    public record ChaseRow(LocalDate chaseDate, String kind, String toAddress, String ccAddress, Instant sentAt) {}

    public record EnquiryDetail(long id, String reference, long caseId, String caseReference, String caseSubject,
            String recipient, String toAddress, String question, int targetDays, LocalDate raisedOn, LocalDate dueOn,
            EnquiryStatus status, String tagText, String tagColour, boolean overdue, int daysOverdue, String response,
            LocalDate respondedOn, Boolean answeredLate, String withdrawnReason, LocalDate lastChasedOn, String raisedBy,
            Instant createdAt, String closedBy, Instant closedAt, List<ChaseRow> chases) {

        public boolean open() {
            return status == EnquiryStatus.OPEN;
        }
    }

    /** An enquiry on the case's list of enquiries, any status. */
    public record CaseEnquiryRow(long id, String reference, String recipient, LocalDate raisedOn, LocalDate dueOn,
            EnquiryStatus status, String tagText, String tagColour, LocalDate respondedOn) {}

    /** The tag for an enquiry: what state it is in, in words and colour. */
    static String[] tag(EnquiryStatus status, boolean overdue, boolean dueToday, Boolean late) {
        return switch (status) {
            case OPEN -> overdue ? new String[] {"Overdue", "red"}
                    : dueToday ? new String[] {"Due today", "orange"} : new String[] {"Open", "blue"};
            case ANSWERED -> Boolean.TRUE.equals(late) ? new String[] {"Answered late", "orange"}
                    : new String[] {"Answered on time", "green"};
            case WITHDRAWN -> new String[] {"Withdrawn", "grey"};
        };
    }
}
