/**
 * Telling people things: in-app notifications (the bell) and every email the office sends, through a
 * transactional outbox so a mail-server outage loses nothing.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "audit"})
package org.mayorsoffice.casework.notifications;

import org.springframework.modulith.ApplicationModule;
