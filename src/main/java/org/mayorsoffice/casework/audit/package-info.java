/**
 * The append-only audit trail. Other modules publish {@link org.mayorsoffice.casework.audit.AuditEntry}
 * events; this module writes them in the same transaction as the change they describe.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package org.mayorsoffice.casework.audit;

import org.springframework.modulith.ApplicationModule;
