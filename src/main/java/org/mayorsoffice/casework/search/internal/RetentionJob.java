package org.mayorsoffice.casework.search.internal;

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

    RetentionJob(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${casework.records.retention-cron:0 30 2 * * *}", zone = "Europe/London")
    void run() {
        retention.createBatch("system");
    }
}
