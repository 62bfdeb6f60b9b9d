/** The council's structure the office works with: wards, directorates and their service areas. */
@ApplicationModule(allowedDependencies = {"shared"})
package org.mayorsoffice.casework.organisation;

import org.springframework.modulith.ApplicationModule;
