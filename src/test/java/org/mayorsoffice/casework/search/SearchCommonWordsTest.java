package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.SqlStatements;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Common words in an office treated as large (from 0 cases): the newest rows of the table are read in order, and a
 * search whose words seldom come together is searched the usual way after, so counts stay exact either way. The
 * words' frequencies are read for every search here (each test analyzes the table after adding its own words).
 */
@TestPropertySource(properties = {"casework.search.large-office=0", "casework.search.common-words-ttl=0s"})
class SearchCommonWordsTest extends WebTest {

    /** The read of the table's newest rows in order, only the columns it needs (JDBC placeholders for the parameters). */
    private static final String SCAN = "(select id, received_on, status, ward_id, search_vector, confidentiality, member_id,"
            + " allocated_to_id from casework_case order by id desc limit ?) c";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private void cases(int first, int count, String subject, String confidentiality) {
        cases(first, count, subject, subject, 1, confidentiality);
    }

    /** {@code count} cases, every {@code every}-th of them with {@code subject} and the others with {@code otherwise}. */
    private void cases(int first, int count, String subject, String otherwise, int every, String confidentiality) {
        jdbc.update("""
                insert into casework_case (reference, case_type_id, channel, subject, description, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by, ward_id)
                select 'MO-2094-' || lpad((? + n)::text, 6, '0'), (select min(id) from case_type), 'EMAIL',
                       case when n % ? = 0 then ? else ? end, null, 'NORMAL', 'NEW',
                       ?, 'PUBLIC_TASK', current_date - 3, current_date + 4, current_date + 7, 'test', (select min(id) from ward)
                  from generate_series(1, ?) n""", first, every, subject, otherwise, confidentiality, count);
    }

    private String search(String q) throws Exception {
        SqlStatements.reset();
        return mvc.perform(get("/search").param("q", q).with(user(accounts.loadUserByUsername("caseworker"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> caseReads() {
        return SqlStatements.sql().stream().filter(sql -> sql.contains(SCAN)
                || sql.contains("from casework_case c") && sql.contains("ts_rank_cd(c.search_vector")).toList();
    }

    @Test
    void wordsThatAreEachCommonAreReadInOrderAndCountsStayExactWhenTheySeldomComeTogether() throws Exception {
        String harbour = SearchTest.uniqueWord();
        String wall = SearchTest.uniqueWord();
        String other = SearchTest.uniqueWord();
        // "harbour wall" together in 900 cases (10 of them restricted); "other" in 900 more; harbour and other together in 3.
        cases(100000, 890, "Repairs to the " + harbour + " " + wall, "STANDARD");
        cases(200000, 10, "Restricted " + harbour + " " + wall, "RESTRICTED");
        cases(300000, 900, "Cleaning the " + other, "STANDARD");
        cases(400000, 3, "Both the " + harbour + " and the " + other, "STANDARD");
        jdbc.execute("analyze casework_case");

        String together = search(harbour + " " + wall);
        assertThat(together).contains("Cases (more than 50)").doesNotContain("Restricted " + harbour);
        // Read in order first (the seldom-together rows inserted last come first, so it may be read again).
        assertThat(caseReads()).first().asString().contains(SCAN);

        String seldom = search(harbour + " " + other);
        assertThat(seldom).contains("Cases (3)", "Both the");
        // Read in order first (not enough found there), then the usual way: the count is exact.
        assertThat(caseReads()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(caseReads().get(0)).contains(SCAN);
        assertThat(caseReads().get(caseReads().size() - 1)).doesNotContain(SCAN);

        // A common word alone is read in order too; a rare word (not among the column's most common) through the index.
        // Read newest first: with 150 new cases about it, the read in order alone answers, and the page shows those
        // (a read from the table's start, or the index, would find the older ones first).
        cases(600000, 150, "Latest news of the " + harbour, "STANDARD");
        jdbc.execute("analyze casework_case");
        assertThat(search(harbour)).contains("Cases (more than 50)", "Latest news of the")
                .doesNotContain("Repairs to the");
        assertThat(caseReads()).singleElement().asString().contains(SCAN);
        String rare = SearchTest.uniqueWord();
        cases(500000, 1, "Loose " + rare + " on the stairs", "STANDARD");
        assertThat(search(rare)).contains("Cases (1)", "Loose");
        assertThat(caseReads()).isNotEmpty().noneMatch(sql -> sql.contains(SCAN));
    }

    @Test
    void whenTheNewestRowsHoldFewOfACommonWordTheReadInOrderGoesFurtherInsteadOfThroughTheIndex() throws Exception {
        String beacon = SearchTest.uniqueWord();
        String post = SearchTest.uniqueWord();
        long office = jdbc.queryForObject("select count(*) from casework_case", Long.class);
        // The word is in half of the table (whatever else the office holds), but the newest 2,000 cases are the week's
        // post, in other words: one in fifty of them mentions it. The first read in order is sized for half the rows
        // and finds a handful; reading on at the rate it found reaches the older cases and fills the page.
        cases(700000, (int) office + 2000, "Lighting the " + beacon, "STANDARD");
        cases(800000, 2000, "Post about the " + beacon, "Post received " + post, 50, "STANDARD");
        jdbc.execute("analyze casework_case");

        assertThat(search(beacon)).contains("Cases (more than 50)", "Post about the");
        assertThat(caseReads()).hasSize(2).allMatch(sql -> sql.contains(SCAN));
    }
}
