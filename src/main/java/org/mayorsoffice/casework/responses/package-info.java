/**
 * Draft responses: letter templates and standard lines, drafting with versions, approval by the member
 * (or their delegate), and dispatch as a PDF letter on letterhead and/or email.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "people", "cases", "notifications"})
package org.mayorsoffice.casework.responses;

import org.springframework.modulith.ApplicationModule;
