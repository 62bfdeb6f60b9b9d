/**
 * Open module: cross-cutting helpers every feature may use (database start-up, web error
 * handling, form options, pagination).
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.mayorsoffice.casework.shared;

import org.springframework.modulith.ApplicationModule;
