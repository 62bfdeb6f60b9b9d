package org.mayorsoffice.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.identity.internal.UserAdminService;
import org.mayorsoffice.casework.identity.internal.UserViews.NewUser;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The casework journeys through the real application and database. */
class CaseworkTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    UserAdminService userAdmin;

    @Autowired
    WorkingDayCalendar calendar;

    private RequestPostProcessor signedIn(String username) {
        CurrentUser principal = accounts.loadUserByUsername(username);
        return user(principal);
    }

    private long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private long aPerson() {
        return jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values ('RESIDENT', 'Test',"
                + " ?, 'test') returning id", Long.class, "Resident-" + UUID.randomUUID().toString().substring(0, 6));
    }

    private long openCase(String as, String confidentiality, LocalDate received) throws Exception {
        long person = aPerson();
        MvcResult result = mvc.perform(post("/cases").with(signedIn(as)).with(csrf())
                        .param("personId", String.valueOf(person))
                        .param("caseTypeId", jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", String.class))
                        .param("channel", "EMAIL")
                        .param("receivedOnDay", String.valueOf(received.getDayOfMonth()))
                        .param("receivedOnMonth", String.valueOf(received.getMonthValue()))
                        .param("receivedOnYear", String.valueOf(received.getYear()))
                        .param("subject", "Damp in bedroom not repaired")
                        .param("priority", "NORMAL").param("confidentiality", confidentiality)
                        .param("lawfulBasis", "PUBLIC_TASK").param("specialCategory", "false"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/cases/*"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long version(long caseId) {
        return jdbc.queryForObject("select version from casework_case where id = ?", Long.class, caseId);
    }

    private String statusOf(long caseId) {
        return jdbc.queryForObject("select status from casework_case where id = ?", String.class, caseId);
    }

    private void changeStatus(String as, long caseId, String status) throws Exception {
        mvc.perform(post("/cases/{id}/status", caseId).with(signedIn(as)).with(csrf())
                        .param("status", status).param("version", String.valueOf(version(caseId))))
                .andExpect(status().isFound());
    }

    @Test
    void openingACaseGivesAYearReferenceAndWorkingDayDeadlines() throws Exception {
        LocalDate received = LocalDate.now().minusDays(3);
        long first = openCase("caseworker", "STANDARD", received);
        long second = openCase("caseworker", "STANDARD", received);
        String ref1 = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, first);
        String ref2 = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, second);
        assertThat(ref1).matches("MO-" + LocalDate.now().getYear() + "-\\d{5}");
        assertThat(Integer.parseInt(ref2.substring(8))).isEqualTo(Integer.parseInt(ref1.substring(8)) + 1);

        assertThat(jdbc.queryForObject("select internal_due_on from casework_case where id = ?", LocalDate.class, first))
                .isEqualTo(calendar.addWorkingDays(received, 7));
        assertThat(jdbc.queryForObject("select external_due_on from casework_case where id = ?", LocalDate.class, first))
                .isEqualTo(calendar.addWorkingDays(received, 10));
        assertThat(statusOf(first)).isEqualTo("NEW");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.opened' and field = 'reference' and subject_id = ?",
                Integer.class, String.valueOf(first))).isEqualTo(1);
        mvc.perform(get("/cases/{id}", first).with(signedIn("caseworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ref1)))
                .andExpect(content().string(containsString("Case opened")));
    }

    @Test
    void theOpenFormExplainsWhatIsMissingAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/cases").with(signedIn("caseworker")).with(csrf())
                        .param("subject", "Typed subject").param("receivedOnDay", "31").param("receivedOnMonth", "2")
                        .param("receivedOnYear", "2026").param("priority", "NORMAL").param("confidentiality", "STANDARD")
                        .param("lawfulBasis", "PUBLIC_TASK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Select the type of case")))
                .andExpect(content().string(containsString("Date received must be a real date")))
                .andExpect(content().string(containsString("Find and select the person the case is about")))
                .andExpect(content().string(containsString("value=\"Typed subject\"")));
    }

    @Test
    void illegalStatusChangesAreRefusedWithAClearMessage() throws Exception {
        long id = openCase("caseworker", "STANDARD", LocalDate.now());
        mvc.perform(post("/cases/{id}/status", id).with(signedIn("caseworker")).with(csrf())
                        .param("status", "RESPONSE_SENT").param("version", String.valueOf(version(id))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A case that is new cannot move to response sent")));
        assertThat(statusOf(id)).isEqualTo("NEW");
        mvc.perform(post("/cases/{id}/status", id).with(signedIn("caseworker")).with(csrf())
                        .param("status", "CLOSED").param("version", String.valueOf(version(id))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select the outcome to close the case")));
    }

    @Test
    void theTriageQueueListsNewCasesOldestFirstAPageAtATime() throws Exception {
        for (int i = 0; i < 27; i++) {
            openCase("coordinator", "STANDARD", LocalDate.now().minusDays((i * 7) % 11));
        }
        List<Long> expected = jdbc.queryForList("""
                select c.id from casework_case c where c.status = 'NEW' and c.allocated_to_id is null
                   and (c.confidentiality <> 'RESTRICTED'
                        or exists (select 1 from case_access ca where ca.case_id = c.id and ca.user_id = ?))
                 order by c.received_on, c.id limit 50""", Long.class, userId("coordinator"));
        List<Long> shown = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            String html = mvc.perform(get("/cases/triage").param("page", String.valueOf(page)).with(signedIn("coordinator")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Matcher id = Pattern.compile("name=\"caseIds\" type=\"checkbox\" value=\"(\\d+)\"").matcher(html);
            while (id.find()) {
                shown.add(Long.parseLong(id.group(1)));
            }
        }
        assertThat(expected).hasSize(50);
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void coordinatorAllocatesFromTriageAndReallocationNeedsAReason() throws Exception {
        long id = openCase("coordinator", "STANDARD", LocalDate.now());
        long waiting = jdbc.queryForObject("select count(*) from casework_case where status = 'NEW' and allocated_to_id is null"
                + " and confidentiality <> 'RESTRICTED'", Long.class);
        mvc.perform(get("/cases/triage").param("page", String.valueOf((waiting + 24) / 25)).with(signedIn("coordinator")))
                .andExpect(content().string(containsString(jdbc.queryForObject("select reference from casework_case where id = ?", String.class, id))));
        long amira = userId("caseworker");
        mvc.perform(post("/cases/triage/allocate").with(signedIn("coordinator")).with(csrf())
                        .param("caseIds", String.valueOf(id)).param("caseworkerId", String.valueOf(amira)))
                .andExpect(status().isFound());
        assertThat(statusOf(id)).isEqualTo("ALLOCATED");
        assertThat(jdbc.queryForObject("select allocated_to_id from casework_case where id = ?", Long.class, id)).isEqualTo(amira);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.allocated' and field = 'allocatedTo' and subject_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        long other = userAdmin.create(new NewUser("cw." + UUID.randomUUID().toString().substring(0, 6), "Other Caseworker",
                null, EnumSet.of(Role.CASEWORKER), null, "Blue-Lantern-River"), "test");
        mvc.perform(post("/cases/{id}/allocate", id).with(signedIn("coordinator")).with(csrf())
                        .param("caseworkerId", String.valueOf(other)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give a reason for reallocating")));
        mvc.perform(post("/cases/{id}/allocate", id).with(signedIn("coordinator")).with(csrf())
                        .param("caseworkerId", String.valueOf(other)).param("note", "Amira is on leave"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select allocated_to_id from casework_case where id = ?", Long.class, id)).isEqualTo(other);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.reallocated' and field = 'allocatedTo' and subject_id = ?"
                + " and detail = 'Amira is on leave'", Integer.class, String.valueOf(id))).isEqualTo(1);
        mvc.perform(get("/cases/board").with(signedIn("coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Other Caseworker")));
    }

    @Test
    void awaitingTheResidentPausesTheDeadlineClock() throws Exception {
        long id = openCase("caseworker", "STANDARD", LocalDate.now());
        jdbc.update("update casework_case set allocated_to_id = ?, status = 'ALLOCATED' where id = ?", userId("caseworker"), id);
        changeStatus("caseworker", id, "IN_PROGRESS");
        changeStatus("caseworker", id, "AWAITING_RESIDENT");
        assertThat(jdbc.queryForObject("select paused_since from casework_case where id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.now());
        // Pretend the case waited five working days for the resident.
        LocalDate pausedSince = calendar.addWorkingDays(LocalDate.now(), -5);
        jdbc.update("update casework_case set paused_since = ? where id = ?", pausedSince, id);
        LocalDate dueBefore = jdbc.queryForObject("select external_due_on from casework_case where id = ?", LocalDate.class, id);
        int paused = calendar.workingDaysBetween(pausedSince, LocalDate.now());

        changeStatus("caseworker", id, "IN_PROGRESS");
        assertThat(jdbc.queryForObject("select external_due_on from casework_case where id = ?", LocalDate.class, id))
                .isEqualTo(calendar.addWorkingDays(dueBefore, paused));
        assertThat(jdbc.queryForObject("select paused_since from casework_case where id = ?", LocalDate.class, id)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and body like '%clock paused%'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void theAllocationBoardCountsEachCaseworkersOpenOverdueDueThisWeekAndRecentCasesThatTheViewerMaySee() throws Exception {
        String name = "Board Caseworker " + UUID.randomUUID().toString().substring(0, 6);
        long cw = userAdmin.create(new NewUser("cw." + UUID.randomUUID().toString().substring(0, 6), name, null,
                EnumSet.of(Role.CASEWORKER), null, "Blue-Lantern-River"), "test");
        LocalDate today = LocalDate.now();
        long overdue = openCase("caseworker", "STANDARD", today);
        long dueToday = openCase("caseworker", "STANDARD", today);
        long paused = openCase("caseworker", "STANDARD", today);
        long closed = openCase("caseworker", "STANDARD", today);
        long restricted = openCase("caseworker", "RESTRICTED", today);
        long longAgo = openCase("caseworker", "STANDARD", today);
        jdbc.update("update casework_case set allocated_to_id = ?, allocated_at = now(), status = 'IN_PROGRESS',"
                + " external_due_on = ? where id in (?, ?, ?, ?, ?, ?)", cw, today.plusDays(30), overdue, dueToday, paused, closed,
                restricted, longAgo);
        jdbc.update("update casework_case set external_due_on = ? where id in (?, ?)", today.minusDays(3), overdue, paused);
        jdbc.update("update casework_case set external_due_on = ? where id = ?", today, dueToday);
        jdbc.update("update casework_case set status = 'AWAITING_RESIDENT', paused_since = ? where id = ?", today.minusDays(4), paused);
        jdbc.update("update casework_case set status = 'CLOSED', outcome = 'RESOLVED', closed_at = now() where id = ?", closed);
        jdbc.update("update casework_case set status = 'CLOSED', outcome = 'RESOLVED', closed_at = now() - interval '20 days',"
                + " allocated_at = now() - interval '30 days' where id = ?", longAgo);

        // Open, overdue (the paused case's clock is stopped), due this week, allocated in the last 7 days (the case
        // closed today too; not the one closed long ago); the restricted case only for the head of office.
        assertThat(boardRow("coordinator", name)).isEqualTo(name + " 3 1 1 4");
        assertThat(boardRow("head", name)).isEqualTo(name + " 4 1 1 5");
    }

    private String boardRow(String viewer, String name) throws Exception {
        String html = mvc.perform(get("/cases/board").with(signedIn(viewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher row = Pattern.compile("<tr class=\"govuk-table__row\">\\s*<th scope=\"row\"[^>]*>" + Pattern.quote(name)
                + "</th>.*?</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as(name + " on the board").isTrue();
        return row.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    @Test
    void aRestrictedCaseDoesNotExistForAnotherCaseworker() throws Exception {
        long id = openCase("caseworker", "RESTRICTED", LocalDate.now());
        jdbc.update("update casework_case set allocated_to_id = ?, status = 'ALLOCATED' where id = ?", userId("caseworker"), id);
        String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, id);

        String other = "cw." + UUID.randomUUID().toString().substring(0, 6);
        userAdmin.create(new NewUser(other, "Second Caseworker", null, EnumSet.of(Role.CASEWORKER, Role.COORDINATOR), null,
                "Blue-Lantern-River"), "test");
        jdbc.update("update app_user set must_change_password = false where username = ?", other);

        mvc.perform(get("/cases/{id}", id).with(signedIn(other))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}/edit", id).with(signedIn(other))).andExpect(status().isNotFound());
        mvc.perform(post("/cases/{id}/note", id).with(signedIn(other)).with(csrf()).param("text", "sneaky"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.access-refused' and subject_id = ?"
                + " and actor = ?", Integer.class, String.valueOf(id), other)).isGreaterThanOrEqualTo(3);
        for (String page : new String[] {"/cases/triage", "/cases/board", "/cases/mine", "/home/coordinator"}) {
            mvc.perform(get(page).with(signedIn(other))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(reference))));
        }
        // Counts: the allocation board shows the other caseworker's restricted case to the head of office only.
        mvc.perform(get("/cases/{id}", id).with(signedIn("caseworker"))).andExpect(status().isOk());
        mvc.perform(get("/cases/{id}", id).with(signedIn("head"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Restricted case")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.viewed' and subject_id = ?",
                Integer.class, String.valueOf(id))).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from casework_case c where c.id = ? and c.confidentiality = 'RESTRICTED'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void caseListsDownloadAsCsvAndXlsxWithTheirFiltersAndOnlyCasesTheUserMaySee() throws Exception {
        long standard = openCase("caseworker", "STANDARD", LocalDate.now());
        long restricted = openCase("caseworker", "RESTRICTED", LocalDate.now());
        jdbc.update("update casework_case set allocated_to_id = ?, status = 'ALLOCATED' where id in (?, ?)", userId("caseworker"),
                standard, restricted);
        String standardRef = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, standard);
        String restrictedRef = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, restricted);

        // My cases for the caseworker: both (they hold the restricted one), filtered by status, with the list's columns.
        MvcResult mine = download(get("/cases/mine.csv?status=ALLOCATED").with(signedIn("caseworker")));
        assertThat(mine.getResponse().getContentType()).startsWith("text/csv");
        assertThat(mine.getResponse().getHeader("Content-Disposition")).contains("my-cases.csv");
        String csv = mine.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Reference,Subject,Case type,Ward,Portfolio,Status,Priority,Allocated to,Received,"
                + "Response due,Overdue,Confidentiality\r\n");
        assertThat(csv).contains(standardRef + ",Damp in bedroom not repaired,", restrictedRef + ",");
        assertThat(download(get("/cases/mine.csv?status=IN_PROGRESS").with(signedIn("caseworker"))).getResponse()
                .getContentAsString()).doesNotContain(standardRef);

        // All open cases for the coordinator: the restricted case is not theirs to see.
        String open = download(get("/cases.csv").with(signedIn("coordinator"))).getResponse().getContentAsString();
        assertThat(open).contains(standardRef).doesNotContain(restrictedRef);
        byte[] xlsx = download(get("/cases.xlsx?sort=reference").with(signedIn("coordinator"))).getResponse().getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Row row = null;
            for (org.apache.poi.ss.usermodel.Row r : book.getSheetAt(0)) {
                if (standardRef.equals(r.getCell(0).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.now());
            for (org.apache.poi.ss.usermodel.Row r : book.getSheetAt(0)) {
                assertThat(r.getCell(0).getStringCellValue()).isNotEqualTo(restrictedRef);
            }
        }
        mvc.perform(get("/cases/triage.csv").with(signedIn("caseworker"))).andExpect(status().isForbidden());
        mvc.perform(get("/cases.pdf").with(signedIn("coordinator"))).andExpect(status().isNotFound());
    }

    @Test
    void theSecondOfTwoEditsIsRefusedAndKeepsWhatWasTyped() throws Exception {
        long id = openCase("caseworker", "STANDARD", LocalDate.now());
        long v = version(id);
        mvc.perform(post("/cases/{id}", id).with(signedIn("caseworker")).with(csrf())
                        .param("subject", "First edit").param("priority", "HIGH").param("confidentiality", "STANDARD")
                        .param("lawfulBasis", "PUBLIC_TASK").param("version", String.valueOf(v)))
                .andExpect(status().isFound());
        mvc.perform(post("/cases/{id}", id).with(signedIn("coordinator")).with(csrf())
                        .param("subject", "Second edit").param("priority", "URGENT").param("confidentiality", "STANDARD")
                        .param("lawfulBasis", "PUBLIC_TASK").param("version", String.valueOf(v)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this case while you were editing it")))
                .andExpect(content().string(containsString("value=\"Second edit\"")));
        assertThat(jdbc.queryForObject("select subject from casework_case where id = ?", String.class, id)).isEqualTo("First edit");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.updated' and subject_id = ?"
                + " and field = 'subject' and new_value = 'First edit'", Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void notesAndFollowUpActionsAppearOnTheCaseAndInMyActions() throws Exception {
        long id = openCase("caseworker", "STANDARD", LocalDate.now());
        mvc.perform(post("/cases/{id}/note", id).with(signedIn("caseworker")).with(csrf())
                        .param("text", "Called the resident <b>back</b>").param("internal", "true"))
                .andExpect(status().isFound());
        LocalDate due = LocalDate.now().plusDays(2);
        mvc.perform(post("/cases/{id}/action", id).with(signedIn("caseworker")).with(csrf())
                        .param("description", "Chase Housing Repairs").param("assigneeId", String.valueOf(userId("caseworker")))
                        .param("dueOnDay", String.valueOf(due.getDayOfMonth())).param("dueOnMonth", String.valueOf(due.getMonthValue()))
                        .param("dueOnYear", String.valueOf(due.getYear())))
                .andExpect(status().isFound());
        mvc.perform(get("/cases/{id}", id).with(signedIn("caseworker")))
                .andExpect(content().string(containsString("Called the resident &lt;b&gt;back&lt;/b&gt;")))
                .andExpect(content().string(containsString("Internal")))
                .andExpect(content().string(containsString("Chase Housing Repairs")));
        mvc.perform(get("/actions/mine").with(signedIn("caseworker")))
                .andExpect(content().string(containsString("Chase Housing Repairs")));
        mvc.perform(post("/cases/{id}/note", id).with(signedIn("caseworker")).with(csrf()).param("text", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the note")));
    }
}
