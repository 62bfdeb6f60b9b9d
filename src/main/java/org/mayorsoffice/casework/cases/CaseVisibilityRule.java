package org.mayorsoffice.casework.cases;

import java.util.Map;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;

/**
 * Who may see which cases, as one SQL condition, for every module whose lists join a case (enquiries,
 * correspondence, reports), so a restricted case never shows up in anyone else's list or count.
 *
 * <ul>
 *   <li>Caseworkers, the coordinator, cabinet support officers and the head of office see standard and
 *       sensitive cases; members see the cases handled on their behalf.
 *   <li>A restricted case is seen only by its allocated caseworker, users on its access list and the
 *       head of office.
 * </ul>
 */
public final class CaseVisibilityRule {

    private CaseVisibilityRule() {}

    /** The condition on a {@code casework_case} row aliased {@code alias}; bind {@link #params(CurrentUser)}. */
    public static String clause(String alias) {
        return ("((%1$s.confidentiality <> 'RESTRICTED' and (:v_all or %1$s.member_id = :v_member))"
                + " or (%1$s.confidentiality = 'RESTRICTED' and (:v_head or %1$s.allocated_to_id = :v_user"
                + " or exists (select 1 from case_access ca where ca.case_id = %1$s.id and ca.user_id = :v_user))))")
                .formatted(alias);
    }

    public static Map<String, Object> params(CurrentUser user) {
        boolean staff = user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR)
                || user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE);
        return Map.of("v_all", staff, "v_member", user.memberId() == null ? -1L : user.memberId(),
                "v_head", user.hasRole(Role.HEAD_OF_OFFICE), "v_user", user.id());
    }
}
