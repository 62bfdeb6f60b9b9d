package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The header search box and its results page, against the real database. */
class SearchTest extends WebTest {

    private static final AtomicInteger NEXT = new AtomicInteger(new Random().nextInt(50_000));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    /** A word no other test data contains (letters only, so the English stemmer leaves it alone). */
    static String uniqueWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('b' + random.nextInt(20)));
        }
        return word.append("x").toString();
    }

    private long aCase(String subject, String description, String confidentiality) {
        return jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, description, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by, ward_id)
                values (?, (select min(id) from case_type), 'EMAIL', ?, ?, 'NORMAL', 'NEW', ?, 'PUBLIC_TASK',
                    current_date - 3, current_date + 4, current_date + 7, 'test', (select min(id) from ward))
                returning id""", Long.class, "MO-2098-" + String.format("%05d", NEXT.incrementAndGet()), subject,
                description, confidentiality);
    }

    private void aNote(long caseId, String body) {
        jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', ?)", caseId, body);
    }

    private String reference(long caseId) {
        return jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
    }

    private String results(RequestPostProcessor who, String q) throws Exception {
        return mvc.perform(get("/search").param("q", q).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSubjectMatchRanksAboveACaseWhereOnlyANoteMatches() throws Exception {
        String word = uniqueWord();
        long noteOnly = aCase("Bins not collected", null, "STANDARD");
        aNote(noteOnly, "Resident mentioned " + word + " on the phone");
        long inSubject = aCase("Complaint about " + word + " in the stairwell", null, "STANDARD");

        String page = results(signedIn("caseworker"), word);
        assertThat(page).contains("Cases (2)");
        assertThat(page.indexOf(reference(inSubject))).isPositive().isLessThan(page.indexOf(reference(noteOnly)));
        assertThat(page).contains("<mark>" + word + "</mark>");
    }

    @Test
    void matchingWordsAreMarkedAndScriptInTheTextStaysEscaped() throws Exception {
        String word = uniqueWord();
        aCase("Noise from " + word + " <script>alert(1)</script>", "Neighbour plays <b>loud</b> music " + word, "STANDARD");

        String page = results(signedIn("caseworker"), word);
        assertThat(page).contains("<mark>" + word + "</mark>");
        assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>loud</b>");
        assertThat(page).contains("&lt;b&gt;loud&lt;/b&gt;").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aCaseReferenceGoesStraightToTheCase() throws Exception {
        long caseId = aCase("Reference jump", null, "RESTRICTED");
        mvc.perform(get("/search").param("q", " " + reference(caseId).toLowerCase() + " ").with(signedIn("caseworker")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cases/" + caseId));
        // The case page itself keeps a restricted case from a caseworker who is not on it.
        mvc.perform(get("/cases/{id}", caseId).with(signedIn("caseworker"))).andExpect(status().isNotFound());
    }

    @Test
    void peopleAreFoundByPartOfTheirNameAndByPostcodePrefix() throws Exception {
        String surname = "Qx" + uniqueWord();
        long person = jdbc.queryForObject("insert into person (kind, first_name, last_name, email, postcode, created_by)"
                + " values ('RESIDENT', 'Olu', ?, ?, 'SE15 9ZZ', 'test') returning id", Long.class, surname,
                surname.toLowerCase() + "@example.org");

        String byName = results(signedIn("caseworker"), surname.substring(2, 9));
        assertThat(byName).contains("/people/" + person).contains("<mark>" + surname.substring(2, 9) + "</mark>");

        String byPostcode = mvc.perform(get("/search").param("q", "se15 9").param("kind", "PERSON")
                        .with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byPostcode).contains("/people/" + person).contains("<mark>SE15 9</mark>ZZ");
    }

    @Test
    void aCommonSurnameListsThePeopleWhoHaveItInNameOrder() throws Exception {
        String surname = "Qx" + uniqueWord();
        // 130 people with the surname, added in reverse name order (so a read in table order meets the last names
        // first), and one whose name only contains it.
        jdbc.update("""
                insert into person (kind, first_name, last_name, created_by)
                select 'RESIDENT', 'Given' || lpad(n::text, 3, '0'), ?, 'test' from generate_series(130, 1, -1) n""", surname);
        long partial = jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by)"
                + " values ('RESIDENT', 'Ada', ?, 'test') returning id", Long.class, surname + "son");

        // More than the first page's 50: the first 20 in name order are shown.
        String page = results(signedIn("caseworker"), surname);
        assertThat(page).contains("People (more than 50)", "Given001", "Given020")
                .doesNotContain("Given021").doesNotContain("/people/" + partial);
        // The people's own pages count up to 1,000: all 131, the exact surname first, then the partial match.
        String kindPage = mvc.perform(get("/search").param("q", surname).param("kind", "PERSON").param("page", "6")
                        .with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(kindPage).contains("People (131)", "Given121", "Given130", "/people/" + partial)
                .doesNotContain("Given120");
    }

    @Test
    void restrictedCasesTheirNotesAndCorrespondenceStayHiddenFromThoseWhoCannotSeeThem() throws Exception {
        String word = uniqueWord();
        long restricted = aCase("Safeguarding referral", null, "RESTRICTED");
        aNote(restricted, "Disclosure about " + word);
        jdbc.update("""
                insert into correspondence_item (direction, channel, status, occurred_on, subject, body, case_id, source, logged_by)
                values ('IN', 'EMAIL', 'ATTACHED', current_date, 'About the referral', ?, ?, 'MANUAL', 'test')""",
                "More about " + word, restricted);
        jdbc.update("""
                insert into correspondence_item (direction, channel, status, occurred_on, subject, body, source, logged_by)
                values ('IN', 'EMAIL', 'IN_TRIAGE', current_date, ?, 'Not on a case', 'MANUAL', 'test')""",
                "Loose letter " + word);

        String caseworker = results(signedIn("caseworker"), word);
        assertThat(caseworker).contains("Cases (0)").contains("Correspondence (1)")
                .doesNotContain(reference(restricted)).doesNotContain("Disclosure").doesNotContain("About the referral")
                .contains("Loose letter");

        String head = results(signedIn("head"), word);
        assertThat(head).contains("Cases (1)").contains(reference(restricted)).contains("Disclosure about")
                .contains("Correspondence (2)").contains("About the referral");

        // A case filter (ward, status) keeps only the correspondence on cases that pass it, and still only visible ones.
        String ward = String.valueOf(jdbc.queryForObject("select ward_id from casework_case where id = ?", Long.class, restricted));
        String headInWard = mvc.perform(get("/search").param("q", word).param("ward", ward).with(signedIn("head")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(headInWard).contains("Correspondence (1)").contains("About the referral").doesNotContain("Loose letter");
        String caseworkerInWard = mvc.perform(get("/search").param("q", word).param("ward", ward).with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(caseworkerInWard).contains("Correspondence (0)").doesNotContain("About the referral");
        String headClosed = mvc.perform(get("/search").param("q", word).param("status", "CLOSED").with(signedIn("head")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(headClosed).contains("Correspondence (0)");
    }

    @Test
    void filtersNarrowTheResultsAndEachKindPagesOnItsOwn() throws Exception {
        String word = uniqueWord();
        for (int i = 0; i < 22; i++) {
            aCase("Pothole " + word + " number " + i, null, "STANDARD");
        }
        String all = results(signedIn("caseworker"), word);
        assertThat(all).contains("Cases (22)").contains("Show all 22 cases");
        assertThat(all.split("class=\"app-search-result\"", -1)).hasSize(21);

        String second = mvc.perform(get("/search").param("q", word).param("kind", "CASE").param("page", "1")
                        .with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second.split("class=\"app-search-result\"", -1)).hasSize(3);
        assertThat(second).doesNotContain("Correspondence (").contains("Previous results");

        String closed = mvc.perform(get("/search").param("q", word).param("status", "CLOSED")
                        .with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(closed).contains("Cases (0)");
        String future = mvc.perform(get("/search").param("q", word).param("from", "2999-01-01")
                        .with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(future).contains("Cases (0)");
    }

    @Test
    void theSearchBoxIsInTheHeaderForStaffOnly() throws Exception {
        String staff = mvc.perform(get("/").with(signedIn("caseworker"))).andReturn().getResponse().getContentAsString();
        if (staff.isEmpty()) {
            staff = mvc.perform(get("/home/caseworker").with(signedIn("caseworker"))).andReturn().getResponse()
                    .getContentAsString();
        }
        assertThat(staff).contains("id=\"header-search\"").contains(">Search</button>");
        String member = mvc.perform(get("/home/member").with(signedIn("mayor"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(member).doesNotContain("id=\"header-search\"");
        mvc.perform(get("/search").param("q", "x").with(as(Role.MEMBER))).andExpect(status().isForbidden());
    }

    @Test
    void briefingsAreFoundByTheirTitleAndTextForSupportOfficersAndTheHeadOfOfficeOnly() throws Exception {
        String word = "Zyx" + Integer.toString(new Random().nextInt(1_000_000), 36) + "quay";
        long member = jdbc.queryForObject("select min(id) from member", Long.class);
        long engagement = jdbc.queryForObject("""
                insert into engagement (member_id, title, kind, starts_at, ends_at, status, created_by)
                values (?, 'Harbour regeneration visit', 'VISIT', now() + interval '5 days', now() + interval '5 days 1 hour',
                    'CONFIRMED', 'test') returning id""", Long.class, member);
        long briefing = jdbc.queryForObject("""
                insert into briefing (engagement_id, member_id, kind, title, due_on, status, content, created_by, author_name)
                values (?, ?, 'BRIEFING_NOTE', 'Harbour briefing', current_date + 2, 'DRAFTED', ?, 'test', 'Test')
                returning id""", Long.class, engagement, member, "The " + word + " redevelopment <b>plans</b> are late.");

        String found = mvc.perform(get("/search").param("q", word).with(as(Role.CABINET_SUPPORT_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("Briefings (1)", "href=\"/briefings/" + briefing + "\"", "Harbour briefing",
                "<mark>" + word + "</mark>", "&lt;b&gt;plans&lt;/b&gt;", "For Harbour regeneration visit");
        mvc.perform(get("/search").param("q", word).param("kind", "BRIEFING").with(as(Role.HEAD_OF_OFFICE)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Harbour briefing")));
        String caseworker = mvc.perform(get("/search").param("q", word).with(as(Role.CASEWORKER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(caseworker).doesNotContain("Harbour briefing").doesNotContain("Briefings (");
    }

    @Test
    void aWordMatchingMoreThanAThousandCasesSaysSoRanksTheFirstFoundAndFiltersStillNarrowIt() throws Exception {
        String word = uniqueWord();
        long ward = jdbc.queryForObject("select max(id) from ward", Long.class);
        // 1,004 cases say the word once in their description; one says it in its subject (ranked first when found
        // among the first thousand); three of them are in another ward, to filter by.
        jdbc.update("""
                insert into casework_case (reference, case_type_id, channel, subject, description, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by, ward_id)
                select 'MO-2097-' || lpad(n::text, 6, '0'), (select min(id) from case_type), 'EMAIL',
                       case when n = 1 then 'Repeated ' || ? || ' in the subject' else 'Housing repair' end,
                       'The resident reported ' || ?, 'NORMAL', 'NEW', 'STANDARD', 'PUBLIC_TASK',
                       current_date - 3, current_date + 4, current_date + 7, 'test',
                       case when n between 2 and 4 then ? else (select min(id) from ward) end
                  from generate_series(1, 1005) n""", word, word, ward);

        // The page of every kind counts and ranks the first 50; the cases' own pages the first 1,000.
        String page = results(signedIn("caseworker"), word);
        assertThat(page).contains("Cases (more than 50)",
                "More than 50 cases match. The closest matches among the first 50 found are shown",
                "Show more cases");
        assertThat(page).doesNotContain("Show all 50").doesNotContain("1,000");
        String firstOfKind = mvc.perform(get("/search").param("q", word).param("kind", "CASE").with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(firstOfKind).contains("Cases (more than 1,000)",
                "More than 1,000 cases match. The closest matches among the first 1,000 found are shown", "More results");
        String wholeKind = mvc.perform(get("/search").param("q", word).param("kind", "CASE").param("page", "49")
                        .with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wholeKind).contains("Cases (more than 1,000)", "Previous results").doesNotContain("More results");

        String narrowed = mvc.perform(get("/search").param("q", word).param("ward", String.valueOf(ward))
                        .with(signedIn("caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(narrowed).contains("Cases (3)").doesNotContain("more than 50").doesNotContain("closest matches");
    }

    @Test
    void correspondenceCountsStayExactWhenMostOfTheFirstMatchesAreOnCasesTheUserMayNotSee() throws Exception {
        String word = uniqueWord();
        long restricted = aCase("Safeguarding referral", null, "RESTRICTED");
        // 1,150 letters on a restricted case come first (more than the cap and its margin), then five the caseworker
        // may see: the count must be five, not "none" and not a number that gives the hidden letters away.
        jdbc.update("""
                insert into correspondence_item (direction, channel, status, occurred_on, subject, body, case_id, source, logged_by)
                select 'IN', 'EMAIL', 'ATTACHED', current_date, 'Referral letter ' || n, 'About ' || ?, ?, 'MANUAL', 'test'
                  from generate_series(1, 1150) n""", word, restricted);
        jdbc.update("""
                insert into correspondence_item (direction, channel, status, occurred_on, subject, body, source, logged_by)
                select 'IN', 'EMAIL', 'IN_TRIAGE', current_date, 'Open letter ' || n, 'Also about ' || ?, 'MANUAL', 'test'
                  from generate_series(1, 5) n""", word);

        assertThat(results(signedIn("caseworker"), word)).contains("Correspondence (5)").contains("Open letter")
                .doesNotContain("Referral letter");
        assertThat(results(signedIn("head"), word)).contains("Correspondence (more than 50)").contains("Referral letter");
    }

    @Test
    void caseCountsStayExactWhenMostOfTheFirstMatchesAreRestrictedCases() throws Exception {
        String word = uniqueWord();
        // 1,150 restricted cases come first (more than the cap and its margin), then five standard ones.
        jdbc.update("""
                insert into casework_case (reference, case_type_id, channel, subject, description, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by, ward_id)
                select 'MO-2096-' || lpad(n::text, 6, '0'), (select min(id) from case_type), 'EMAIL',
                       case when n <= 1150 then 'Safeguarding ' || ? else 'Open matter ' || ? end,
                       null, 'NORMAL', 'NEW', case when n <= 1150 then 'RESTRICTED' else 'STANDARD' end, 'PUBLIC_TASK',
                       current_date - 3, current_date + 4, current_date + 7, 'test', (select min(id) from ward)
                  from generate_series(1, 1155) n""", word, word);

        assertThat(results(signedIn("caseworker"), word)).contains("Cases (5)").contains("Open matter")
                .doesNotContain("Safeguarding");
        assertThat(results(signedIn("head"), word)).contains("Cases (more than 50)").contains("Safeguarding");
    }
}
