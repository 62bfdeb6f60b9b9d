/**
 * Reports: the head of office / coordinator dashboard, a member's own dashboard, and CSV / XLSX exports of
 * every table and of the case list. Reads with SQL over cases, enquiries and approvals, always through
 * {@link org.mayorsoffice.casework.cases.CaseVisibilityRule} so restricted cases count only for users who may
 * see them.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "cases", "diary"})
package org.mayorsoffice.casework.reports;

import org.springframework.modulith.ApplicationModule;
