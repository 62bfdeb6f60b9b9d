/**
 * Members' diaries: engagements (with clashes, privacy and change notifications), invitations,
 * the private calendar feed, briefings and meeting packs, surgeries, meeting notes and actions,
 * and the stakeholder history of organisations and people.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "organisation", "people", "cases", "notifications"})
package org.mayorsoffice.casework.diary;

import org.springframework.modulith.ApplicationModule;
