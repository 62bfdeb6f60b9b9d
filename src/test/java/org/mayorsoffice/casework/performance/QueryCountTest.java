package org.mayorsoffice.casework.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.SqlStatements;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page issues a constant number of SQL statements whatever the size of the data: each test
 * counts a page's statements, adds many more rows of what the page lists, and counts again.
 */
class QueryCountTest extends WebTest {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private long statements(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().isOk());
        SqlStatements.reset();
        mvc.perform(request).andExpect(status().isOk());
        return SqlStatements.count();
    }

    /** Adds open cases (with a person, a timeline entry and an action) allocated to the user, or unallocated when null. */
    private void addCases(int count, Long allocatedTo) {
        for (int i = 0; i < count; i++) {
            long person = jdbc.queryForObject("insert into person (kind, first_name, last_name, postcode, created_by)"
                    + " values ('RESIDENT', 'Query', ?, 'E1 6AN', 'test') returning id", Long.class, "Count" + NEXT.incrementAndGet());
            long caseId = jdbc.queryForObject("""
                    insert into casework_case (reference, case_type_id, channel, subject, priority, status, confidentiality,
                        lawful_basis, received_on, internal_due_on, external_due_on, allocated_to_id, allocated_at, created_by,
                        ward_id, member_id, portfolio_id, topic_id)
                    values (?, (select min(id) from case_type), 'EMAIL', 'Query count case', 'NORMAL', ?, 'STANDARD',
                        'PUBLIC_TASK', current_date - 3, current_date + 4, current_date + 7, ?::bigint, case when ?::bigint is null then null else now() end,
                        'test', (select min(id) from ward), (select min(id) from member), (select min(id) from portfolio),
                        (select min(id) from topic))
                    returning id""", Long.class, "MO-2099-" + NEXT.incrementAndGet(),
                    allocatedTo == null ? "NEW" : "IN_PROGRESS", allocatedTo, allocatedTo);
            jdbc.update("insert into case_person (case_id, person_id) values (?, ?)", caseId, person);
            jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', 'note')", caseId);
            if (allocatedTo != null) {
                jdbc.update("insert into case_action (case_id, assignee_id, due_on, description, created_by)"
                        + " values (?, ?, current_date + 1, 'Chase housing', 'test')", caseId, allocatedTo);
            }
        }
    }

    private void assertConstant(MockHttpServletRequestBuilder request, Runnable moreData) throws Exception {
        long before = statements(request);
        moreData.run();
        long after = statements(request);
        assertThat(after).as("SQL statements for %s after adding data (before: %d)", request, before).isEqualTo(before);
        assertThat(before).as("statements are being counted").isPositive();
        assertThat(before).as("a page needs at most a handful of statements").isLessThanOrEqualTo(25);
    }

    @Test
    void myCases() throws Exception {
        long me = userId("lchen");
        assertConstant(get("/cases/mine").with(as("lchen")), () -> addCases(30, me));
    }

    @Test
    void caseworkerHome() throws Exception {
        long me = userId("lchen");
        assertConstant(get("/home/caseworker").with(as("lchen")), () -> addCases(30, me));
    }

    @Test
    void myActions() throws Exception {
        long me = userId("rhussain");
        assertConstant(get("/actions/mine").with(as("rhussain")), () -> addCases(30, me));
    }

    @Test
    void triageQueueAndCoordinatorHome() throws Exception {
        assertConstant(get("/cases/triage").with(as("coordinator")), () -> addCases(30, null));
        assertConstant(get("/home/coordinator").with(as("coordinator")), () -> addCases(30, null));
    }

    @Test
    void allocationBoardAndOpenCases() throws Exception {
        long someone = userId("mosei");
        assertConstant(get("/cases/board").with(as("coordinator")), () -> addCases(30, someone));
        assertConstant(get("/cases").with(as("coordinator")), () -> addCases(30, someone));
    }

    @Test
    void headOfOfficeAndMemberHomes() throws Exception {
        long someone = userId("jpatel");
        assertConstant(get("/home/head-of-office").with(as("head")), () -> addCases(20, someone));
        assertConstant(get("/home/member").with(as("mayor")), () -> addCases(20, someone));
    }

    @Test
    void caseViewWithALongTimeline() throws Exception {
        long me = userId("lchen");
        addCases(1, me);
        long caseId = jdbc.queryForObject("select max(id) from casework_case where allocated_to_id = ?", Long.class, me);
        assertConstant(get("/cases/{id}", caseId).with(as("lchen")), () -> {
            for (int i = 0; i < 200; i++) {
                jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', ?)", caseId, "Entry " + i);
            }
            for (int i = 0; i < 5; i++) {
                long person = jdbc.queryForObject("insert into person (kind, last_name, created_by) values ('RESIDENT', ?, 'test')"
                        + " returning id", Long.class, "Extra" + NEXT.incrementAndGet());
                jdbc.update("insert into case_person (case_id, person_id) values (?, ?)", caseId, person);
                jdbc.update("insert into case_action (case_id, assignee_id, due_on, description, created_by)"
                        + " values (?, ?, current_date + 2, 'Call back', 'test')", caseId, me);
                jdbc.update("insert into case_tag (case_id, tag, created_by) values (?, ?, 'test')", caseId, "tag-" + i);
            }
        });
    }

    @Test
    void theNoteAndStatusFormsReadTheCaseRowAloneNotItsTimeline() throws Exception {
        long me = userId("lchen");
        addCases(1, me);
        long caseId = jdbc.queryForObject("select max(id) from casework_case where allocated_to_id = ?", Long.class, me);
        for (String form : new String[] {"/cases/{id}/note", "/cases/{id}/status"}) {
            long statements = statements(get(form, caseId).with(as("lchen")));
            assertThat(SqlStatements.sql()).as("statements of %s", form)
                    .noneMatch(sql -> sql.contains("from case_event") || sql.contains("from case_person")
                            || sql.contains("from case_action") || sql.contains("from case_tag"));
            assertThat(statements).as("statements of %s", form)
                    .isLessThan(statements(get("/cases/{id}", caseId).with(as("lchen"))));
        }
    }

    @Test
    void peopleDirectoryAndPersonPage() throws Exception {
        assertConstant(get("/people").with(as("caseworker")), () -> addCases(30, null));
        long person = jdbc.queryForObject("select max(id) from person", Long.class);
        assertConstant(get("/people/{id}", person).with(as("caseworker")), () -> addCases(5, null));
    }

    @Test
    void notifications() throws Exception {
        long me = userId("jpatel");
        assertConstant(get("/notifications").with(as("jpatel")), () -> {
            for (int i = 0; i < 40; i++) {
                jdbc.update("insert into notification (user_id, message, link) values (?, ?, '/cases/mine')", me, "Note " + i);
            }
        });
    }

    private void addCorrespondence(int count, Long caseId) {
        for (int i = 0; i < count; i++) {
            jdbc.update("insert into correspondence_item (direction, channel, status, occurred_on, subject, source, logged_by,"
                    + " sender_name, sender_email, body, case_id) values ('IN', 'EMAIL', ?, current_date - 1, ?, 'MANUAL', 'test',"
                    + " 'Query Count', 'query.count@example.org', 'Body', ?)",
                    caseId == null ? "IN_TRIAGE" : "ATTACHED", "Counted item " + NEXT.incrementAndGet(), caseId);
        }
    }

    private void addEnquiries(int count) {
        long me = userId("lchen");
        addCases(1, me);
        long caseId = jdbc.queryForObject("select max(id) from casework_case where allocated_to_id = ?", Long.class, me);
        for (int i = 0; i < count; i++) {
            jdbc.update("insert into members_enquiry (reference, case_id, directorate_id, recipient, to_address, question,"
                    + " target_days, raised_on, due_on, raised_by) values (?, ?, (select min(id) from directorate), 'Housing',"
                    + " 'housing@example.org', 'When?', 10, current_date - 20, current_date - ?, 'test')",
                    "ME-2099-" + NEXT.incrementAndGet(), caseId, i % 3);
        }
    }

    @Test
    void correspondenceRegisterTriageInboxAndItem() throws Exception {
        assertConstant(get("/correspondence").with(as("caseworker")), () -> addCorrespondence(30, null));
        assertConstant(get("/correspondence/triage").with(as("coordinator")), () -> addCorrespondence(30, null));
        long item = jdbc.queryForObject("select max(id) from correspondence_item", Long.class);
        assertConstant(get("/correspondence/{id}", item).with(as("coordinator")), () -> addCorrespondence(5, null));
    }

    @Test
    void membersEnquiries() throws Exception {
        assertConstant(get("/enquiries").with(as("caseworker")), () -> addEnquiries(30));
    }

    @Test
    void diaryWeek() throws Exception {
        long mayor = jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class);
        assertConstant(get("/diary/members/{id}", mayor).with(as("support")), () -> {
            for (int i = 0; i < 20; i++) {
                jdbc.update("insert into engagement (member_id, title, kind, starts_at, ends_at, status, created_by)"
                        + " values (?, ?, 'INTERNAL_MEETING', now() + make_interval(hours => ?), now() + make_interval(hours => ? + 1),"
                        + " 'CONFIRMED', 'test')", mayor, "Counted meeting " + i, i % 48, i % 48);
            }
        });
        assertConstant(get("/diary").with(as("support")), () -> jdbc.update("insert into engagement (member_id, title, kind,"
                + " starts_at, ends_at, status, created_by) values (?, 'Office week meeting', 'INTERNAL_MEETING', now() + interval '1 day',"
                + " now() + interval '25 hours', 'CONFIRMED', 'test')", mayor));
    }

    @Test
    void searchResults() throws Exception {
        long someone = userId("jpatel");
        // Hits of every kind (cases, notes, correspondence, people) before the first count: an empty kind skips its fetch.
        Runnable hits = () -> {
            addCases(30, someone);
            long caseId = jdbc.queryForObject("select max(id) from casework_case", Long.class);
            addCorrespondence(10, caseId);
            for (int i = 0; i < 10; i++) {
                jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', 'Query count note')", caseId);
            }
        };
        hits.run();
        assertConstant(get("/search").param("q", "query count").with(as("caseworker")), hits);
    }

    @Test
    void officeDashboardAndMemberDashboard() throws Exception {
        long someone = userId("mosei");
        assertConstant(get("/reports").with(as("head")), () -> addCases(30, someone));
        assertConstant(get("/reports/member").with(as("mayor")), () -> addCases(30, someone));
    }

    /** Drafts awaiting the approval of the mayor (the member the counted cases are for). */
    private void addDraftsAwaitingApproval(int count) {
        long me = userId("lchen");
        long mayor = jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class);
        addCases(count, me);
        jdbc.query("select c.id, c.reference, cp.person_id from casework_case c join case_person cp on cp.case_id = c.id"
                + " where c.allocated_to_id = ? and not exists (select 1 from draft_response d where d.case_id = c.id)", rs -> {
                    long draft = jdbc.queryForObject("""
                            insert into draft_response (case_id, person_id, case_reference, case_subject, recipient_name, member_id,
                                status, created_by_id, created_by, submitted_at)
                            values (?, ?, ?, 'Query count case', 'Query Count', ?, 'AWAITING_APPROVAL', ?, 'test', now())
                            returning id""", Long.class, rs.getLong(1), rs.getLong(3), rs.getString(2), mayor, me);
                    jdbc.update("insert into draft_version (draft_id, number, text, author_id, author) values (?, 1, 'Dear resident', ?, 'test')",
                            draft, me);
                }, me);
    }

    @Test
    void approvals() throws Exception {
        addDraftsAwaitingApproval(1);
        assertConstant(get("/approvals").with(as("mayor")), () -> addDraftsAwaitingApproval(30));
    }

    @Test
    void briefingsDue() throws Exception {
        long mayor = jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class);
        long author = userId("support");
        assertConstant(get("/briefings/due").with(as("support")), () -> {
            for (int i = 0; i < 20; i++) {
                long engagement = jdbc.queryForObject("insert into engagement (member_id, title, kind, starts_at, ends_at, status,"
                        + " created_by) values (?, ?, 'VISIT', now() + make_interval(days => ?), now() + make_interval(days => ?)"
                        + " + interval '1 hour', 'CONFIRMED', 'test') returning id", Long.class, mayor, "Briefed visit " + i, 1 + i % 10, 1 + i % 10);
                jdbc.update("insert into briefing (engagement_id, member_id, kind, title, author_id, due_on, status, created_by)"
                        + " values (?, ?, 'BRIEFING_NOTE', ?, ?, current_date + ?, 'COMMISSIONED', 'test')",
                        engagement, mayor, "Counted briefing " + i, author, i % 7);
            }
        });
    }
}
