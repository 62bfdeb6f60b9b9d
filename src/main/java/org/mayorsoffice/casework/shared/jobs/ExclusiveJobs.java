package org.mayorsoffice.casework.shared.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a background job on one application instance at a time, however many instances share the database.
 *
 * <p>Before running, the job takes its row in {@code job_lock} with a lease ({@code atMostFor}): an instance
 * that finds the lease still running skips the job. When the job ends the lease is cut short, but not below
 * {@code atLeastFor} from its start, so a job that fires at the same moment on every instance (a daily cron)
 * runs once even when one instance's clock or start is a few seconds behind another's. A crashed
 * instance's lease simply runs out. Times are the database's, so instances' clocks need not agree.
 */
@Component
public class ExclusiveJobs {

    private static final Logger log = LoggerFactory.getLogger(ExclusiveJobs.class);

    private final JdbcClient jdbc;
    private final String instance;

    ExclusiveJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs the job here unless another instance holds its lease; answers whether it ran. */
    public boolean run(String name, Duration atMostFor, Duration atLeastFor, Runnable job) {
        if (!acquire(name, atMostFor)) {
            log.debug("Job {} skipped: another instance is running it", name);
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            release(name, atLeastFor);
        }
    }

    private boolean acquire(String name, Duration atMostFor) {
        try {
            return jdbc.sql("insert into job_lock (name, locked_until, locked_at, locked_by, runs)"
                            + " values (:name, now() + make_interval(secs => :lease), now(), :instance, 1)"
                            + " on conflict (name) do update set locked_until = excluded.locked_until,"
                            + " locked_at = excluded.locked_at, locked_by = excluded.locked_by, runs = job_lock.runs + 1"
                            + " where job_lock.locked_until <= now()")
                    .param("name", name)
                    .param("lease", seconds(atMostFor))
                    .param("instance", instance)
                    .update() == 1;
        } catch (DataAccessException e) {
            log.warn("Job {} not run: the database could not be reached ({})", name, e.getMostSpecificCause().getMessage());
            return false;
        }
    }

    private void release(String name, Duration atLeastFor) {
        try {
            jdbc.sql("update job_lock set locked_until = greatest(now(), locked_at + make_interval(secs => :least))"
                            + " where name = :name and locked_by = :instance")
                    .param("least", seconds(atLeastFor))
                    .param("name", name)
                    .param("instance", instance)
                    .update();
        } catch (DataAccessException e) {
            log.warn("Job {} ran but its lease could not be released; it runs out by itself ({})", name,
                    e.getMostSpecificCause().getMessage());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
