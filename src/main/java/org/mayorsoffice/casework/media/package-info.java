/**
 * The communications side of the office: media requests (a journalist's question and deadline), press releases
 * and quotes (drafted and approved through the responses module's Approvals queue), media monitoring
 * (coverage by outlet, tone, portfolio and topic), and telling the communications contact when a case is
 * flagged as media-sensitive.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "people", "cases", "responses", "notifications"})
package org.mayorsoffice.casework.media;

import org.springframework.modulith.ApplicationModule;
