/**
 * Casework: cases with their lifecycle and working-day deadlines, allocation, the timeline,
 * follow-up actions, confidentiality and the view audit.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "organisation", "people", "notifications"})
package org.mayorsoffice.casework.cases;

import org.springframework.modulith.ApplicationModule;
