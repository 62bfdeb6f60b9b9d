package org.mayorsoffice.casework.diary.internal;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;

/**
 * Who may see and keep which diary. Cabinet support officers and the head of office keep every
 * member's diary; a member sees their own; the coordinator and caseworkers may look at diaries
 * read-only, where a private engagement shows only as "Busy".
 */
public final class DiaryAccess {

    private DiaryAccess() {}

    public static boolean keeps(CurrentUser user) {
        return user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE);
    }

    /** Staff who may look at every diary read-only. */
    public static boolean readsAll(CurrentUser user) {
        return keeps(user) || user.hasRole(Role.COORDINATOR) || user.hasRole(Role.CASEWORKER);
    }

    public static boolean ownDiary(CurrentUser user, long memberId) {
        return user.hasRole(Role.MEMBER) && user.memberId() != null && user.memberId() == memberId;
    }

    public static boolean mayView(CurrentUser user, long memberId) {
        return readsAll(user) || ownDiary(user, memberId);
    }

    /** Whether the user sees the details of the member's private engagements (otherwise "Busy"). */
    public static boolean seesPrivate(CurrentUser user, long memberId) {
        return keeps(user) || ownDiary(user, memberId);
    }
}
