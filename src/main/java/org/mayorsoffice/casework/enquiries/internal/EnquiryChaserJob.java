package org.mayorsoffice.casework.enquiries.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.mayorsoffice.casework.shared.jobs.ExclusiveJobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the enquiry chaser every morning (by default 07:00 London time, working days only in effect), once
 * across all instances: the lease is kept for at least ten minutes, so an instance firing a little later
 * than another finds the job done.
 */
@Component
class EnquiryChaserJob {

    private final EnquiryChaser chaser;
    private final Clock clock;
    private final ExclusiveJobs jobs;

    EnquiryChaserJob(EnquiryChaser chaser, Clock clock, ExclusiveJobs jobs) {
        this.chaser = chaser;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${casework.enquiries.chase-cron:0 0 7 * * *}", zone = "Europe/London")
    void run() {
        jobs.run("enquiry-chaser", Duration.ofHours(1), Duration.ofMinutes(10), () -> chaser.runDue(LocalDate.now(clock)));
    }
}
