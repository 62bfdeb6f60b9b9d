package org.mayorsoffice.casework.correspondence.internal;

import java.time.Duration;
import org.mayorsoffice.casework.correspondence.MailboxIntake;
import org.mayorsoffice.casework.shared.jobs.ExclusiveJobs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the office mailbox every {@code casework.intake.imap.poll-interval}, only when intake is enabled, and on
 * one instance at a time when several share the database.
 */
@Component
@ConditionalOnBooleanProperty("casework.intake.imap.enabled")
class MailboxIntakeJob {

    private final MailboxIntake intake;
    private final ExclusiveJobs jobs;

    MailboxIntakeJob(MailboxIntake intake, ExclusiveJobs jobs) {
        this.intake = intake;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${casework.intake.imap.poll-interval:2m}", initialDelayString = "30s")
    void poll() {
        jobs.run("mailbox-intake", Duration.ofMinutes(15), Duration.ZERO, intake::pollOnce);
    }
}
