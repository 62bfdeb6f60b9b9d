package org.mayorsoffice.casework.enquiries;

import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;

/** What other modules (home pages, reporting) may ask about members' enquiries; case confidentiality applies. */
public interface EnquiryApi {

    /** One enquiry, for lists on other pages. */
    record EnquirySummary(long id, String reference, long caseId, String caseReference, String recipient,
            EnquiryStatus status, LocalDate raisedOn, LocalDate dueOn, boolean overdue) {}

    /** The case's enquiries, newest first (at most 100), or none when the user may not see the case. */
    List<EnquirySummary> forCase(long caseId, CurrentUser user);

    /** How many open enquiries the user may see are past their due date. */
    long overdueCount(CurrentUser user);
}
