/** Each role's home page. */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
package org.mayorsoffice.casework.home;

import org.springframework.modulith.ApplicationModule;
