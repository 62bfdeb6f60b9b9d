/**
 * The council's structure the office works with: wards, directorates and their service areas, with the
 * directory of enquiry contacts, senior contacts and response targets that members' enquiries use.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.mayorsoffice.casework.organisation;

import org.springframework.modulith.ApplicationModule;
