package org.mayorsoffice.casework.cases.internal;

import java.util.Map;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;

/**
 * Who may see which cases: the one rule every case query applies, so a restricted case never
 * appears in a list, count or page for anyone not entitled.
 *
 * <ul>
 *   <li>Caseworkers, the coordinator, cabinet support officers and the head of office see standard
 *       and sensitive cases; members see the cases handled on their behalf.
 *   <li>A restricted case is seen only by its allocated caseworker, users on its access list and
 *       the head of office.
 * </ul>
 */
record CaseVisibility(long userId, boolean seesAllUnrestricted, boolean headOfOffice, long memberId) {

    static CaseVisibility of(CurrentUser user) {
        boolean staff = user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR)
                || user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE);
        return new CaseVisibility(user.id(), staff, user.hasRole(Role.HEAD_OF_OFFICE),
                user.memberId() == null ? -1 : user.memberId());
    }

    /** SQL condition on the case aliased {@code c}; bind {@link #params()}. */
    static String clause(String alias) {
        return ("((%1$s.confidentiality <> 'RESTRICTED' and (:v_all or %1$s.member_id = :v_member))"
                + " or (%1$s.confidentiality = 'RESTRICTED' and (:v_head or %1$s.allocated_to_id = :v_user"
                + " or exists (select 1 from case_access ca where ca.case_id = %1$s.id and ca.user_id = :v_user))))")
                .formatted(alias);
    }

    Map<String, Object> params() {
        return Map.of("v_all", seesAllUnrestricted, "v_member", memberId, "v_head", headOfOffice, "v_user", userId);
    }
}
