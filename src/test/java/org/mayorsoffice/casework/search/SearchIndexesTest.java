package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search indexes (GIN: full text and trigrams) take every write into the index itself, without a pending list that
 * every search would read in full until it is merged (V74): a new GIN index must say {@code fastupdate = off} too.
 */
class SearchIndexesTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyGinIndexIsKeptCurrentWithoutAPendingList() {
        List<String> gin = jdbc.queryForList("""
                select c.relname from pg_class c join pg_am am on am.oid = c.relam
                  join pg_namespace n on n.oid = c.relnamespace
                 where am.amname = 'gin' and n.nspname = current_schema() order by 1""", String.class);
        List<String> withPendingList = jdbc.queryForList("""
                select c.relname from pg_class c join pg_am am on am.oid = c.relam
                  join pg_namespace n on n.oid = c.relnamespace
                 where am.amname = 'gin' and n.nspname = current_schema()
                   and not coalesce('fastupdate=off' = any (c.reloptions), false) order by 1""", String.class);
        assertThat(gin).contains("casework_case_search_idx", "case_event_search_idx", "correspondence_item_search_idx",
                "person_name_trgm_idx");
        assertThat(withPendingList).as("GIN indexes with a pending list (fastupdate on)").isEmpty();
    }
}
