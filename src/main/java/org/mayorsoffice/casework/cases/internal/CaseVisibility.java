package org.mayorsoffice.casework.cases.internal;

import java.util.Map;
import org.mayorsoffice.casework.cases.CaseVisibilityRule;
import org.mayorsoffice.casework.identity.CurrentUser;

/** The confidentiality rule ({@link CaseVisibilityRule}) bound to one user, as every case query applies it. */
record CaseVisibility(Map<String, Object> params) {

    static CaseVisibility of(CurrentUser user) {
        return new CaseVisibility(CaseVisibilityRule.params(user));
    }

    /** SQL condition on the case aliased {@code c}; bind {@link #params()}. */
    static String clause(String alias) {
        return CaseVisibilityRule.clause(alias);
    }
}
