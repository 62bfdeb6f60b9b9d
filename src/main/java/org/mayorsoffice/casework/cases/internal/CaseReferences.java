package org.mayorsoffice.casework.cases.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Hands out case references like MO-2026-00042: a counter per year, row-locked, never reused. */
@Component
class CaseReferences {

    private final JdbcClient jdbc;

    CaseReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(int year) {
        int next = jdbc.sql("insert into case_reference_counter (year, last_value) values (?, 1)"
                        + " on conflict (year) do update set last_value = case_reference_counter.last_value + 1"
                        + " returning last_value")
                .param(year).query(Integer.class).single();
        return "MO-%d-%05d".formatted(year, next);
    }
}
