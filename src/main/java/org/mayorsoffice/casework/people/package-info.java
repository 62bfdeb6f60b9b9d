/**
 * The people directory: residents, organisations, MPs, councillors and other bodies who contact the
 * office. Other modules use {@link org.mayorsoffice.casework.people.PeopleApi} and listen to
 * {@link org.mayorsoffice.casework.people.PeopleMerged}.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "organisation", "identity"})
package org.mayorsoffice.casework.people;

import org.springframework.modulith.ApplicationModule;
