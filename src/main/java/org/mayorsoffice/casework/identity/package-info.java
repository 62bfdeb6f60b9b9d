/**
 * Staff users, roles, sign-in and the access policy; members (the Mayor, deputy mayors, cabinet
 * members) and their portfolios.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.mayorsoffice.casework.identity;

import org.springframework.modulith.ApplicationModule;
