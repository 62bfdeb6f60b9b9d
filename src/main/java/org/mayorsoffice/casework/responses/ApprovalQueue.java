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

    // --- Added for the change of office-holder (search module's handover). ---

    /** Drafts waiting for this member's approval. */
    long awaitingMemberApprovalCount(long memberId);

    /**
     * Passes drafts waiting for one member's approval to another ({@code toMemberId} null: to the head of office);
     * returns how many.
     */
    int reassignAwaitingApproval(long fromMemberId, Long toMemberId);
}
