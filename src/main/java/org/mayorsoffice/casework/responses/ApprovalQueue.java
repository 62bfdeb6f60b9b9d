package org.mayorsoffice.casework.responses;

import java.time.Instant;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;

/** Draft responses waiting for the user's approval (as the member, their delegate, or the head of office). */
public interface ApprovalQueue {

    /** One draft waiting for approval; {@code href} is its approval page. */
    record ApprovalRow(long draftId, long caseId, String caseReference, String caseSubject, String recipient,
            String onBehalfOf, String submittedBy, Instant submittedAt, String href) {}

    /** The oldest first, at most {@code limit} (capped at 100). */
    List<ApprovalRow> awaitingApproval(CurrentUser user, int limit);

    long awaitingApprovalCount(CurrentUser user);
}
