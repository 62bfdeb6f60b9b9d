/**
 * The Mayor's strategic plan: priorities, commitments and milestones with owners, target dates, RAG status and
 * dated progress updates; the annual delivery plan view (milestones due this quarter or year, overdue ones
 * highlighted); CSV and XLSX exports.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "organisation"})
package org.mayorsoffice.casework.plan;

import org.springframework.modulith.ApplicationModule;
