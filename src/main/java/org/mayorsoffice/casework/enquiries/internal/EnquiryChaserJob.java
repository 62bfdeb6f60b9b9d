package org.mayorsoffice.casework.enquiries.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the enquiry chaser every morning (by default 07:00 London time, working days only in effect). */
@Component
class EnquiryChaserJob {

    private final EnquiryChaser chaser;
    private final Clock clock;

    EnquiryChaserJob(EnquiryChaser chaser, Clock clock) {
        this.chaser = chaser;
        this.clock = clock;
    }

    @Scheduled(cron = "${casework.enquiries.chase-cron:0 0 7 * * *}", zone = "Europe/London")
    void run() {
        chaser.runDue(LocalDate.now(clock));
    }
}
