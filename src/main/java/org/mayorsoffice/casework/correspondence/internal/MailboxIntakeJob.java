package org.mayorsoffice.casework.correspondence.internal;

import org.mayorsoffice.casework.correspondence.MailboxIntake;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the office mailbox every {@code casework.intake.imap.poll-interval}, only when intake is enabled. */
@Component
@ConditionalOnBooleanProperty("casework.intake.imap.enabled")
class MailboxIntakeJob {

    private final MailboxIntake intake;

    MailboxIntakeJob(MailboxIntake intake) {
        this.intake = intake;
    }

    @Scheduled(fixedDelayString = "${casework.intake.imap.poll-interval:2m}", initialDelayString = "30s")
    void poll() {
        intake.pollOnce();
    }
}
