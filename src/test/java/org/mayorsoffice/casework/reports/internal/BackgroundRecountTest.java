package org.mayorsoffice.casework.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's background recount runs without PostgreSQL's parallel workers (one core, leaving the other to the
 * people using the office), and only the recount: the setting is the server's again afterwards.
 */
@IntegrationTest
class BackgroundRecountTest {

    @Autowired
    ReportQueries queries;

    @Autowired
    JdbcClient jdbc;

    private String workers() {
        return jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single();
    }

    @Test
    void aBackgroundRecountRunsWithoutParallelWorkersAndLeavesTheSettingAsItWas() {
        String before = workers();
        assertThat(before).isNotEqualTo("0");
        assertThat(queries.onOneCore(this::workers)).isEqualTo("0");
        assertThat(workers()).isEqualTo(before);
    }
}
