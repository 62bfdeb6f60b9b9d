/**
 * Members' enquiries: questions the office raises with a council directorate (or one of its service areas)
 * from a case, sent by email through the outbox, due in working days, chased automatically and closed by
 * the directorate's response or withdrawn.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "organisation", "people", "cases", "notifications"})
package org.mayorsoffice.casework.enquiries;

import org.springframework.modulith.ApplicationModule;
