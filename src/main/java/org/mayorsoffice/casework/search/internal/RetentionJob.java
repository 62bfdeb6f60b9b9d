package org.mayorsoffice.casework.search.internal;

import java.time.Duration;
import org.mayorsoffice.casework.shared.jobs.ExclusiveJobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night (by default 02:30 London time) finds closed cases past their retention period and puts them in a
 * review batch for the head of office; nothing is removed until they approve it. Set
 * {@code casework.records.retention-cron} to "-" to switch it off.
 */
@Component
class RetentionJob {

    private final RetentionService retention;
    private final ExclusiveJobs jobs;

    RetentionJob(RetentionService retention, ExclusiveJobs jobs) {
        this.retention = retention;
        this.jobs = jobs;
    }

    /** On one instance only, however many share the database (the lease outlasts any clock skew between them). */
    @Scheduled(cron = "${casework.records.retention-cron:0 30 2 * * *}", zone = "Europe/London")
    void run() {
        jobs.run("retention-review", Duration.ofHours(1), Duration.ofMinutes(10), () -> retention.createBatch("system"));
    }
}
