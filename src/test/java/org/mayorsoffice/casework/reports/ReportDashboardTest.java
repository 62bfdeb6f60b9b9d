package org.mayorsoffice.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.reports.internal.ReportFilters;
import org.mayorsoffice.casework.reports.internal.ReportQueries;
import org.mayorsoffice.casework.reports.internal.ReportTable;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.calendar.WorkingDays;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The dashboard's figures on hand-made cases in a ward and case type made for each test (the shared test
 * database also holds demo data), their exports, and confidentiality.
 */
class ReportDashboardTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    ReportQueries reports;

    long wardId;
    long typeId;
    LocalDate today;

    @BeforeEach
    void fixture() {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        typeId = jdbc.queryForObject("insert into case_type (code, name, internal_target_days, external_target_days)"
                + " values (?, ?, 7, 10) returning id", Long.class, "RPT_" + letters, "Report test " + letters);
        wardId = jdbc.queryForObject("insert into ward (name) values (?) returning id", Long.class,
                "Report ward " + UUID.randomUUID());
        today = reports.today();
    }

    private CurrentUser account(String username) {
        return accounts.loadUserByUsername(username);
    }

    private RequestPostProcessor signedIn(String username) {
        return user(account(username));
    }

    private ReportFilters filters() {
        ReportFilters f = new ReportFilters();
        f.setWardId(wardId);
        f.setCaseTypeId(typeId);
        return f;
    }

    private String query() {
        return "?wardId=" + wardId + "&caseTypeId=" + typeId;
    }

    private long aCase(String status, String channel, LocalDate received, LocalDate due, LocalDate pausedSince,
            String confidentiality, OffsetDateTime closedAt) {
        String reference = "MO-2096-" + (10_000_000 + (long) (Math.random() * 89_999_999));
        return jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, ward_id, priority, status, outcome,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, paused_since, closed_at, created_by)
                values (?, ?, ?, 'Report fixture', ?, 'NORMAL', ?, ?, ?, 'PUBLIC_TASK', ?, ?, ?, ?, ?, 'test')
                returning id""", Long.class, reference, typeId, channel, wardId, status,
                status.equals("CLOSED") ? "RESOLVED" : null, confidentiality, received, due, due, pausedSince, closedAt);
    }

    private long openCase(LocalDate received, LocalDate due) {
        return aCase("IN_PROGRESS", "EMAIL", received, due, null, "STANDARD", null);
    }

    private void responseSent(long caseId, OffsetDateTime at) {
        jdbc.update("insert into case_event (case_id, occurred_at, actor, kind, body) values (?, ?, 'test', 'STATUS',"
                + " 'Status changed from Awaiting approval to Response sent')", caseId, at);
    }

    private List<Object> rowStarting(ReportTable table, Object first) {
        return table.rows().stream().filter(r -> first.equals(r.get(0))).findFirst().orElseThrow();
    }

    @Test
    void breakdownByTopicCountsCasesOpenOverdueAndRespondedWithinTarget() {
        long topicA = jdbc.queryForObject("insert into topic (name) values (?) returning id", Long.class, "Topic A " + UUID.randomUUID());
        long topicB = jdbc.queryForObject("insert into topic (name) values (?) returning id", Long.class, "Topic B " + UUID.randomUUID());
        long a1 = openCase(today.minusDays(10), today.plusDays(5));
        long a2 = openCase(today.minusDays(30), today.minusDays(1)); // overdue
        long b1 = aCase("CLOSED", "EMAIL", today.minusDays(20), today.plusDays(1), null, "STANDARD",
                OffsetDateTime.now(ZoneId.of("Europe/London"))); // responded (closed) today, within target
        long b2 = aCase("CLOSED", "EMAIL", today.minusDays(40), today.minusDays(5), null, "STANDARD",
                OffsetDateTime.now(ZoneId.of("Europe/London"))); // responded late
        openCase(today.minusDays(2), today.plusDays(8)); // no topic
        jdbc.update("update casework_case set topic_id = ? where id in (?, ?)", topicA, a1, a2);
        jdbc.update("update casework_case set topic_id = ? where id in (?, ?)", topicB, b1, b2);

        ReportFilters f = filters();
        f.setBy("topic");
        ReportTable table = reports.table(account("head"), f, "breakdown");
        assertThat(table.headers()).startsWith("Topic", "Cases", "Open", "Overdue now");
        String nameA = jdbc.queryForObject("select name from topic where id = ?", String.class, topicA);
        String nameB = jdbc.queryForObject("select name from topic where id = ?", String.class, topicB);
        assertThat(rowStarting(table, nameA)).containsExactly(nameA, 2L, 2L, 1L, 0L, 0L, null);
        assertThat(rowStarting(table, nameB)).containsExactly(nameB, 2L, 0L, 0L, 2L, 1L, 50.0);
        assertThat(rowStarting(table, "Not recorded")).containsExactly("Not recorded", 1L, 1L, 0L, 0L, 0L, null);

        // By ward (the default, also for an unknown dimension): one row for the test ward with all five cases.
        f.setBy("no-such-dimension");
        assertThat(f.getBy()).isEqualTo("ward");
        ReportTable byWard = reports.table(account("head"), f, "breakdown");
        assertThat(byWard.rows()).hasSize(1);
        assertThat(byWard.rows().get(0).subList(1, 7)).containsExactly(5L, 3L, 1L, 2L, 1L, 50.0);
    }

    @Test
    void ageInWorkingDaysSkipsWeekendsAndBankHolidaysAndStopsWhilePaused() {
        WorkingDays days = calendar.workingDays();
        // Christmas 2025: 25, 26 Dec and 1 Jan are bank holidays; 27-28 Dec a weekend. Working: 29, 30, 31 Dec, 2 Jan.
        assertThat(ReportQueries.ageInWorkingDays(days, LocalDate.of(2025, 12, 24), null, LocalDate.of(2026, 1, 2))).isEqualTo(4);
        // Paused on 31 Dec (awaiting the resident): the age stops at 3.
        assertThat(ReportQueries.ageInWorkingDays(days, LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 1, 2))).isEqualTo(3);
        // Friday to Monday is one working day.
        assertThat(ReportQueries.ageInWorkingDays(days, LocalDate.of(2026, 3, 13), null, LocalDate.of(2026, 3, 16))).isEqualTo(1);
        assertThat(List.of(0, 5, 6, 10, 11, 20, 21).stream().map(ReportQueries::ageBand)).containsExactly(0, 0, 1, 1, 2, 2, 3);
    }

    @Test
    void openCasesByStatusAndAgeBand() {
        WorkingDays days = calendar.workingDays();
        long[] expected = new long[4];
        for (int ago : new int[] {0, 3, 9, 16, 35, 60}) {
            LocalDate received = today.minusDays(ago);
            openCase(received, today.plusDays(5));
            expected[ReportQueries.ageBand(days.workingDaysBetween(received, today))]++;
        }
        // Awaiting the resident since 58 days ago: its age stopped then.
        LocalDate received = today.minusDays(60);
        LocalDate paused = today.minusDays(58);
        aCase("AWAITING_RESIDENT", "LETTER", received, today.plusDays(5), paused, "STANDARD", null);
        aCase("CLOSED", "EMAIL", received, today, null, "STANDARD", OffsetDateTime.now());

        ReportTable table = reports.table(account("head"), filters(), "open-by-age");
        List<Object> inProgress = rowStarting(table, "In progress");
        assertThat(inProgress.subList(1, 6)).containsExactly(expected[0], expected[1], expected[2], expected[3], 6L);
        List<Object> awaiting = rowStarting(table, "Awaiting resident");
        long pausedBand = ReportQueries.ageBand(days.workingDaysBetween(received, paused));
        assertThat(awaiting.get(1 + (int) pausedBand)).isEqualTo(1L);
        assertThat(awaiting.get(5)).isEqualTo(1L);
        assertThat(table.rows()).noneMatch(r -> r.get(0).equals("Closed"));
    }

    @Test
    void summaryOnTimeByMonthAndMedian() {
        WorkingDays days = calendar.workingDays();
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Europe/London"));
        // A: response sent 20 days ago, due 10 days ago: within target.
        LocalDate receivedA = today.minusDays(30);
        long a = aCase("RESPONSE_SENT", "EMAIL", receivedA, today.minusDays(10), null, "STANDARD", null);
        responseSent(a, now.minusDays(20));
        // B: closed 5 days ago, due 25 days ago: late.
        LocalDate receivedB = today.minusDays(40);
        aCase("CLOSED", "EMAIL", receivedB, today.minusDays(25), null, "STANDARD", now.minusDays(5));
        // C: open and overdue; D: paused (awaiting the resident) with a past date, so not overdue.
        openCase(today.minusDays(20), today.minusDays(1));
        aCase("AWAITING_RESIDENT", "PHONE", today.minusDays(20), today.minusDays(1), today.minusDays(3), "STANDARD", null);

        ReportTable summary = reports.table(account("head"), filters(), "summary");
        // "Open" is every status but Closed, so A (Response sent) counts; "overdue" leaves out Response sent.
        assertThat(rowStarting(summary, "Open cases").get(1)).isEqualTo(3L);
        assertThat(rowStarting(summary, "Overdue now").get(1)).isEqualTo(1L);
        int tookA = days.workingDaysBetween(receivedA, today.minusDays(20));
        int tookB = days.workingDaysBetween(receivedB, today.minusDays(5));
        assertThat(rowStarting(summary, "Median working days to respond (last 12 months)").get(1)).isEqualTo((tookA + tookB) / 2.0);

        ReportTable onTime = reports.table(account("head"), filters(), "on-time");
        assertThat(onTime.rows()).hasSize(12);
        Map<LocalDate, long[]> expected = new HashMap<>();
        expected.computeIfAbsent(today.minusDays(20).withDayOfMonth(1), k -> new long[2])[0]++;
        expected.get(today.minusDays(20).withDayOfMonth(1))[1]++;
        expected.computeIfAbsent(today.minusDays(5).withDayOfMonth(1), k -> new long[2])[0]++;
        expected.forEach((month, counts) -> {
            List<Object> row = rowStarting(onTime, month);
            assertThat(row.get(1)).isEqualTo(counts[0]);
            assertThat(row.get(2)).isEqualTo(counts[1]);
            assertThat(row.get(3)).isEqualTo(100.0 * counts[1] / counts[0]);
        });
        long total = onTime.rows().stream().mapToLong(r -> (Long) r.get(1)).sum();
        assertThat(total).isEqualTo(2);
    }

    @Test
    void intakePerWeekByChannel() {
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        openCase(monday, today.plusDays(10));
        openCase(monday, today.plusDays(10));
        aCase("NEW", "PHONE", monday, today.plusDays(10), null, "STANDARD", null);
        aCase("NEW", "PHONE", monday.minusWeeks(2), today.plusDays(10), null, "STANDARD", null);
        aCase("NEW", "PHONE", monday.minusWeeks(20), today.plusDays(10), null, "STANDARD", null);

        ReportTable intake = reports.table(account("head"), filters(), "intake");
        assertThat(intake.rows()).hasSize(12);
        int email = intake.headers().indexOf("Email");
        int phone = intake.headers().indexOf("Phone");
        List<Object> thisWeek = rowStarting(intake, monday);
        assertThat(thisWeek.get(email)).isEqualTo(2L);
        assertThat(thisWeek.get(phone)).isEqualTo(1L);
        assertThat(thisWeek.get(thisWeek.size() - 1)).isEqualTo(3L);
        assertThat(rowStarting(intake, monday.minusWeeks(2)).get(phone)).isEqualTo(1L);
        assertThat(intake.rows().stream().mapToLong(r -> (Long) r.get(r.size() - 1)).sum()).isEqualTo(4);
    }

    @Test
    void aRestrictedCaseCountsForTheHeadOfOfficeButNotForACoordinatorWhoCannotSeeIt() throws Exception {
        openCase(today.minusDays(2), today.plusDays(10));
        aCase("IN_PROGRESS", "EMAIL", today.minusDays(2), today.plusDays(10), null, "RESTRICTED", null);

        assertThat(rowStarting(reports.table(account("head"), filters(), "summary"), "Open cases").get(1)).isEqualTo(2L);
        assertThat(rowStarting(reports.table(account("caseworker"), filters(), "summary"), "Open cases").get(1)).isEqualTo(1L);
        assertThat(csv("/reports/summary.csv" + query(), "coordinator")).contains("Open cases,1\r\n");
        assertThat(csv("/reports/summary.csv" + query(), "head")).contains("Open cases,2\r\n");
        // Every other figure the same way: the breakdown, the age bands and the intake.
        assertThat(reports.table(account("head"), filters(), "breakdown").rows().get(0).get(1)).isEqualTo(2L);
        assertThat(reports.table(account("coordinator"), filters(), "breakdown").rows().get(0).get(1)).isEqualTo(1L);
        assertThat(totalOf(reports.table(account("head"), filters(), "open-by-age"))).isEqualTo(2L);
        assertThat(totalOf(reports.table(account("coordinator"), filters(), "open-by-age"))).isEqualTo(1L);
        assertThat(totalOf(reports.table(account("head"), filters(), "intake"))).isEqualTo(2L);
        assertThat(totalOf(reports.table(account("coordinator"), filters(), "intake"))).isEqualTo(1L);
    }

    /** The sum of a table's last column. */
    private static long totalOf(ReportTable table) {
        return table.rows().stream().mapToLong(r -> ((Number) r.get(r.size() - 1)).longValue()).sum();
    }

    private String csv(String url, String username) throws Exception {
        MvcResult done = download(get(url).with(signedIn(username)));
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        assertThat(done.getResponse().getContentType()).startsWith("text/csv");
        assertThat(done.getResponse().getHeader("Content-Disposition")).contains("attachment");
        return done.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private XSSFWorkbook xlsx(String url, String username) throws Exception {
        MvcResult done = download(get(url).with(signedIn(username)));
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(done.getResponse().getContentAsByteArray()));
    }

    @Test
    void thePageShowsEveryTableWithFiltersAndExportLinks() throws Exception {
        openCase(today.minusDays(2), today.plusDays(10));
        mvc.perform(get("/reports" + query() + "&from=2020-01-01").with(signedIn("head")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open cases by status and age")))
                .andExpect(content().string(containsString("Members&#39; enquiries by directorate")))
                .andExpect(content().string(containsString("Drafts waiting for approval")))
                .andExpect(content().string(containsString("/reports/intake.xlsx?from=2020-01-01&amp;wardId=" + wardId)))
                .andExpect(content().string(containsString("app-bar app-bar--100")));
        mvc.perform(get("/reports/member").with(signedIn("mayor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My casework report")));
        mvc.perform(get("/reports/nonsense.csv").with(signedIn("head"))).andExpect(status().isNotFound());
        mvc.perform(get("/reports" + query() + "&by=portfolio").with(signedIn("head")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cases by portfolio")))
                .andExpect(content().string(containsString("/reports/breakdown.xlsx?wardId=" + wardId + "&amp;caseTypeId=" + typeId
                        + "&amp;by=portfolio")));
    }

    @Test
    void aMembersReportCountsOnlyTheirCases() throws Exception {
        long mayor = jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class);
        long theirs = openCase(today.minusDays(2), today.plusDays(10));
        jdbc.update("update casework_case set member_id = ? where id = ?", mayor, theirs);
        openCase(today.minusDays(2), today.plusDays(10));
        // The member filter is fixed to their own, whatever is asked for.
        String csv = csv("/reports/member/summary.csv" + query() + "&memberId=999999", "mayor");
        assertThat(csv).contains("Open cases,1\r\n");
        mvc.perform(get("/reports/member" + query()).with(signedIn("mayor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/reports/member/summary.csv?wardId=" + wardId)));
    }

    @Test
    void tableExportsAsCsvAndTypedXlsx() throws Exception {
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        openCase(monday, today.plusDays(10));
        openCase(today.minusDays(40), today.minusDays(1));

        String csv = csv("/reports/open-by-age.csv" + query(), "head");
        assertThat(csv).startsWith("Status,0 to 5 days,6 to 10 days,11 to 20 days,Over 20 days,Total\r\n");
        assertThat(csv).contains("In progress,1,0,0,1,2\r\n");

        try (XSSFWorkbook book = xlsx("/reports/intake.xlsx" + query(), "head")) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Week starting");
            Row last = sheet.getRow(12);
            assertThat(DateUtil.isCellDateFormatted(last.getCell(0))).isTrue();
            assertThat(last.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(monday);
            assertThat(last.getCell(last.getLastCellNum() - 1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(last.getCell(last.getLastCellNum() - 1).getNumericCellValue()).isEqualTo(1.0);
        }
        try (XSSFWorkbook book = xlsx("/reports/cases.xlsx" + query(), "head")) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Reference");
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(1))).isTrue();
        }
    }

    @Test
    void theCaseListStreamsOneHundredThousandRows() throws Exception {
        jdbc.update("""
                insert into casework_case (reference, case_type_id, channel, subject, ward_id, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by)
                select 'MO-2095-' || (? + g)::text, ?, 'EMAIL', '=cmd|'' /C calc''!A0, "quoted"', ?, 'NORMAL', 'NEW',
                       'STANDARD', 'PUBLIC_TASK', current_date - (g % 400), current_date, current_date, 'test'
                  from generate_series(1, 100000) g""", 100_000_000L + (long) (Math.random() * 800_000_000L), typeId, wardId);
        try {
            String csv = csv("/reports/cases.csv" + query(), "head");
            String[] lines = csv.split("\r\n");
            assertThat(lines).hasSize(100_001);
            assertThat(lines[0]).startsWith("Reference,Received,Case type,Channel,Subject,");
            // Formula injection neutralised and RFC 4180 quoting.
            assertThat(lines[1]).contains(",\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\",");
        } finally {
            jdbc.update("delete from casework_case where case_type_id = ?", typeId);
        }
    }

    private void enquiry(long caseId, long directorateId, String status, LocalDate due, Boolean late) {
        String reference = "ME-2096-" + (10_000_000 + (long) (Math.random() * 89_999_999));
        boolean answered = status.equals("ANSWERED");
        jdbc.update("""
                insert into members_enquiry (reference, case_id, directorate_id, recipient, to_address, question, target_days,
                    raised_on, due_on, status, response, responded_on, answered_late, withdrawn_reason, raised_by, closed_at)
                values (?, ?, ?, 'Housing', 'housing@example.org', 'Why?', 10, ?, ?, ?, ?, ?, ?, ?, 'test', ?)""",
                reference, caseId, directorateId, due.minusDays(14), due, status, answered ? "Because" : null,
                answered ? due : null, late, status.equals("WITHDRAWN") ? "No longer needed" : null,
                status.equals("OPEN") ? null : OffsetDateTime.now());
    }

    @Test
    void membersEnquiriesByDirectorate() {
        String name = "Report directorate " + UUID.randomUUID();
        long directorate = jdbc.queryForObject("insert into directorate (name) values (?) returning id", Long.class, name);
        long caseId = openCase(today.minusDays(20), today.plusDays(5));
        enquiry(caseId, directorate, "OPEN", today.plusDays(3), null);
        enquiry(caseId, directorate, "OPEN", today.minusDays(1), null);
        enquiry(caseId, directorate, "ANSWERED", today.minusDays(5), false);
        enquiry(caseId, directorate, "ANSWERED", today.minusDays(6), false);
        enquiry(caseId, directorate, "ANSWERED", today.minusDays(7), true);
        enquiry(caseId, directorate, "WITHDRAWN", today.minusDays(7), null);
        // On a restricted case: only the head of office counts it.
        long restricted = aCase("IN_PROGRESS", "EMAIL", today.minusDays(2), today.plusDays(10), null, "RESTRICTED", null);
        enquiry(restricted, directorate, "OPEN", today.plusDays(3), null);

        List<Object> row = rowStarting(reports.table(account("coordinator"), filters(), "enquiries"), name);
        assertThat(row.subList(1, 6)).containsExactly(2L, 1L, 3L, 2L, 200.0 / 3);
        assertThat(rowStarting(reports.table(account("head"), filters(), "enquiries"), name).get(1)).isEqualTo(3L);
    }

    @Test
    void approvalsWaitingPerMemberAndCaseworkerCaseload() {
        long member = jdbc.queryForObject("insert into member (full_name, office) values (?, 'CABINET_MEMBER') returning id",
                Long.class, "Cllr Report " + UUID.randomUUID().toString().substring(0, 8));
        String memberName = jdbc.queryForObject("select full_name from member where id = ?", String.class, member);
        long person = jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by)"
                + " values ('RESIDENT', 'Ada', 'Report', 'test') returning id", Long.class);
        long caseworker = jdbc.queryForObject("select id from app_user where username = 'caseworker'", Long.class);
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Europe/London"));
        OffsetDateTime oldest = now.minusDays(9);
        for (OffsetDateTime submitted : List.of(oldest, now.minusDays(2))) {
            long caseId = openCase(today.minusDays(20), today.plusDays(5));
            jdbc.update("""
                    insert into draft_response (case_id, person_id, case_reference, case_subject, recipient_name, member_id,
                        status, created_by_id, created_by, submitted_at)
                    values (?, ?, 'MO-2096-00001', 'Report fixture', 'Ada Report', ?, 'AWAITING_APPROVAL', ?, 'test', ?)""",
                    caseId, person, member, caseworker, submitted);
        }
        ReportTable approvals = reports.table(account("head"), filters(), "approvals");
        List<Object> row = rowStarting(approvals, memberName);
        LocalDate oldestDay = oldest.toLocalDate();
        assertThat(row).containsExactly(memberName, 2L, oldestDay,
                (long) calendar.workingDays().workingDaysBetween(oldestDay, today));

        // A press statement waiting for the same member belongs to no case: counted when no case filter is set
        // (and for that member), not when the table is narrowed to a ward and case type.
        jdbc.update("""
                insert into draft_response (subject_kind, subject_id, case_reference, case_subject, recipient_name, member_id,
                    status, created_by_id, created_by, submitted_at)
                values ('MEDIA_REQUEST', 900000000 + (random() * 99999999)::bigint, 'Media request', 'Report fixture', 'East London Advertiser', ?, 'AWAITING_APPROVAL',
                    ?, 'test', ?)""", member, caseworker, now.minusDays(1));
        assertThat(rowStarting(reports.table(account("head"), filters(), "approvals"), memberName).get(1)).isEqualTo(2L);
        ReportFilters onlyMember = new ReportFilters();
        onlyMember.setMemberId(member);
        assertThat(reports.table(account("head"), onlyMember, "approvals").rows()).hasSize(1);
        // (The fixture cases are not handled on the member's behalf, so only the statement counts under the member filter.)
        assertThat(rowStarting(reports.table(account("head"), onlyMember, "approvals"), memberName).get(1)).isEqualTo(1L);

        // Caseworker: 2 open (one overdue) allocated in this ward and type, 3 closed in the last 12 weeks, 1 before.
        jdbc.update("update casework_case set allocated_to_id = ? where ward_id = ?", caseworker, wardId);
        long overdue = openCase(today.minusDays(30), today.minusDays(2));
        jdbc.update("update casework_case set allocated_to_id = ? where id = ?", caseworker, overdue);
        for (int weeksAgo : new int[] {1, 3, 11, 14}) {
            long closed = aCase("CLOSED", "EMAIL", today.minusWeeks(20), today.minusWeeks(18), null, "STANDARD",
                    now.minusWeeks(weeksAgo));
            jdbc.update("update casework_case set allocated_to_id = ? where id = ?", caseworker, closed);
        }
        String name = jdbc.queryForObject("select display_name from app_user where id = ?", String.class, caseworker);
        List<Object> load = rowStarting(reports.table(account("head"), filters(), "caseworkers"), name);
        assertThat(load.subList(1, 5)).containsExactly(3L, 1L, 3L, 3 / 12.0);
    }
}
