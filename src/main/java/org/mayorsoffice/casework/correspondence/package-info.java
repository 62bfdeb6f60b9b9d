/**
 * The correspondence register: every letter, email, call, surgery note and social media message in and
 * out; the triage inbox where incoming items are distributed (attached to a case, opened as a new case,
 * filed as no action, or grouped into a campaign); email intake from the office mailbox (IMAP); and
 * campaigns answered with one approved standard response.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "people", "cases", "notifications", "responses"})
package org.mayorsoffice.casework.correspondence;

import org.springframework.modulith.ApplicationModule;
