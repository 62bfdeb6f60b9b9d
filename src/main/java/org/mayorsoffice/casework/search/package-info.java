/**
 * One search box for staff: case references jump straight to the case; other text searches cases (with
 * their timeline), correspondence and people, applying the cases module's
 * {@link org.mayorsoffice.casework.cases.CaseVisibilityRule} to everything derived from a case.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "people", "cases", "correspondence", "diary",
        "responses", "organisation"})
package org.mayorsoffice.casework.search;

import org.springframework.modulith.ApplicationModule;
