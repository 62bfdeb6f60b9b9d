/** Each role's home page. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "cases", "responses", "diary"})
package org.mayorsoffice.casework.home;

import org.springframework.modulith.ApplicationModule;
