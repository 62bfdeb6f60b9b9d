package org.mayorsoffice.casework.enquiries.internal;

import java.util.Map;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;

/**
 * An enquiry is visible to whoever may see its case. This is the same rule as the cases module's
 * {@code CaseVisibility} (kept in step by EnquiriesTest, which checks that a restricted case's enquiry is in
 * no list or count for someone not entitled): staff see standard and sensitive cases, members the cases
 * handled for them; a restricted case only its caseworker, its access list and the head of office.
 */
record EnquiryVisibility(long userId, boolean seesAllUnrestricted, boolean headOfOffice, long memberId) {

    static EnquiryVisibility of(CurrentUser user) {
        boolean staff = user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR)
                || user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE);
        return new EnquiryVisibility(user.id(), staff, user.hasRole(Role.HEAD_OF_OFFICE),
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
