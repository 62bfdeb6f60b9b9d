package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
        List<Map<String, Object>> indexes = jdbc.queryForList("""
                select c.relname as name, coalesce('fastupdate=off' = any (c.reloptions), false) as current
                  from pg_class c join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
                 where am.amname = 'gin' and n.nspname = current_schema() order by 1""");
        List<Object> gin = indexes.stream().map(i -> i.get("name")).toList();
        List<Object> withPendingList = indexes.stream().filter(i -> !(Boolean) i.get("current")).map(i -> i.get("name")).toList();
        assertThat(gin).contains("casework_case_search_idx", "case_event_search_idx", "correspondence_item_search_idx",
                "person_name_trgm_idx");
        assertThat(withPendingList).as("GIN indexes with a pending list (fastupdate on)").isEmpty();
    }
}
