package org.mayorsoffice.casework.responses.internal;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;

/**
 * Who may approve or return a draft: the member it is handled for, or a user holding an active delegation
 * from that member (a deputy or the head of office); the head of office for office-level cases (no member).
 * A caseworker never may, whatever else they hold.
 */
public final class ApprovalRules {

    private ApprovalRules() {}

    /**
     * @param memberId the member the draft is for, or null for an office-level case
     * @param delegated whether the user holds a delegation from that member covering today
     */
    public static boolean mayApprove(CurrentUser user, Long memberId, boolean delegated) {
        boolean approverRole = user.hasRole(Role.MEMBER) || user.hasRole(Role.HEAD_OF_OFFICE);
        if (!approverRole) {
            return false;
        }
        if (memberId == null) {
            return user.hasRole(Role.HEAD_OF_OFFICE);
        }
        if (user.hasRole(Role.MEMBER) && memberId.equals(user.memberId())) {
            return true;
        }
        return delegated;
    }
}
