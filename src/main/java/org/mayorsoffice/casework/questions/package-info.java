/**
 * Members' and public questions for council and cabinet meetings: the answer deadline counted back from the
 * meeting in working days, the written answer drafted and approved by the answering member through the
 * responses module's Approvals queue, follow-up actions, and a per-meeting list exported for the agenda.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "responses"})
package org.mayorsoffice.casework.questions;

import org.springframework.modulith.ApplicationModule;
