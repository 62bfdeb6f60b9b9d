package org.mayorsoffice.casework.cases.internal;

import org.mayorsoffice.casework.audit.AuditEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records views of sensitive and restricted cases, and refused attempts, in a transaction of their
 * own: the record survives even when the request itself ends in "not found" or is read-only.
 */
@Component
class CaseAccessAudit {

    private final ApplicationEventPublisher events;

    CaseAccessAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, String action, long caseId, String detail) {
        events.publishEvent(AuditEntry.of(username, action, "case", caseId).detail(detail).build());
    }
}
