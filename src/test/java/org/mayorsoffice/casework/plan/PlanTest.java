package org.mayorsoffice.casework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.plan.internal.DeliveryPeriod;
import org.mayorsoffice.casework.plan.internal.PlanQueries;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The strategic plan through its pages: building the plan, recording progress, the delivery plan, exports, access. */
class PlanTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    PlanQueries queries;

    LocalDate today;
    String tag;

    @BeforeEach
    void setUp() {
        today = queries.today();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private static MockHttpServletRequestBuilder date(MockHttpServletRequestBuilder request, String field, LocalDate date) {
        return request.param(field + "Day", String.valueOf(date.getDayOfMonth()))
                .param(field + "Month", String.valueOf(date.getMonthValue()))
                .param(field + "Year", String.valueOf(date.getYear()));
    }

    private long created(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/plan/items/");
        return Long.parseLong(location.substring("/plan/items/".length()));
    }

    private long priority(String title) throws Exception {
        return created(mvc.perform(post("/plan/priorities").param("title", title).with(signedIn("head")).with(csrf()))
                .andExpect(status().isFound()).andReturn());
    }

    private long child(long parentId, String title, LocalDate target) throws Exception {
        return created(mvc.perform(date(post("/plan/items/" + parentId + "/children"), "targetDate", target)
                        .param("title", title).param("owner", "Karen Whitfield")
                        .param("directorateId", String.valueOf(jdbc.queryForObject(
                                "select id from directorate where name = 'Housing & Regeneration'", Long.class)))
                        .with(signedIn("support")).with(csrf()))
                .andExpect(status().isFound()).andReturn());
    }

    private void progress(long itemId, LocalDate on, String rag, String text, boolean complete) throws Exception {
        MockHttpServletRequestBuilder request = date(post("/plan/items/" + itemId + "/updates"), "on", on)
                .param("rag", rag).param("progress", text);
        if (complete) {
            request.param("complete", "true");
        }
        mvc.perform(request.with(signedIn("head")).with(csrf())).andExpect(status().isFound());
    }

    @Test
    void theHeadOfOfficeBuildsThePlanAndEveryoneReadsIt() throws Exception {
        long p = priority("Homes for all " + tag);
        long c = child(p, "Build council homes " + tag, today.plusMonths(18));
        long m = child(c, "Planning permission " + tag, today.minusDays(3));
        assertThat(jdbc.queryForObject("select level from plan_item where id = ?", String.class, m)).isEqualTo("MILESTONE");
        assertThat(jdbc.queryForObject("select parent_id from plan_item where id = ?", Long.class, m)).isEqualTo(c);

        mvc.perform(get("/plan").with(signedIn("caseworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Homes for all " + tag)))
                .andExpect(content().string(containsString("Build council homes " + tag)))
                .andExpect(content().string(containsString("Planning permission " + tag)))
                .andExpect(content().string(containsString("Housing &amp; Regeneration: Karen Whitfield")))
                .andExpect(content().string(not(containsString("Add a priority"))));
        // Past its target date and not complete: overdue, on the plan and on the milestone's page.
        mvc.perform(get("/plan/items/" + m).with(signedIn("mayor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Overdue")))
                .andExpect(content().string(containsString("Strategic plan")))
                .andExpect(content().string(containsString("Build council homes " + tag)));
        mvc.perform(get("/plan").with(signedIn("head")))
                .andExpect(content().string(containsString("Add a priority")));
        // A milestone cannot hold anything.
        mvc.perform(get("/plan/items/" + m + "/new").with(signedIn("head"))).andExpect(status().isNotFound());
        mvc.perform(get("/plan/items/999999999").with(signedIn("head"))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'plan-item.created' and subject_id = ?",
                Long.class, String.valueOf(m))).isEqualTo(1);
    }

    @Test
    void badInputIsExplainedAndNothingIsStored() throws Exception {
        long p = priority("Validation priority " + tag);
        long before = jdbc.queryForObject("select count(*) from plan_item", Long.class);
        mvc.perform(post("/plan/items/" + p + "/children").param("title", " ").param("owner", "Jo " + tag)
                        .param("targetDateDay", "31").param("targetDateMonth", "2").param("targetDateYear", "2027")
                        .param("directorateId", "abc")
                        .with(signedIn("head")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter a title for the commitment")))
                .andExpect(content().string(containsString("The target date must be a real date")))
                .andExpect(content().string(containsString("Choose a directorate from the list")))
                // What was typed is kept.
                .andExpect(content().string(containsString("value=\"Jo " + tag + "\"")))
                .andExpect(content().string(containsString("value=\"31\"")));
        mvc.perform(post("/plan/items/" + p + "/children").param("title", "No date " + tag).with(signedIn("head")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the target date")));
        mvc.perform(post("/plan/priorities").param("title", "x".repeat(201)).with(signedIn("head")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Title must be 200 characters or fewer")));
        assertThat(jdbc.queryForObject("select count(*) from plan_item", Long.class)).isEqualTo(before);

        // A progress update needs a RAG status and some text, and cannot be dated in the future.
        mvc.perform(date(post("/plan/items/" + p + "/updates"), "on", today.plusDays(2)).param("progress", "")
                        .with(signedIn("head")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Date of the update must be today or in the past")))
                .andExpect(content().string(containsString("Choose a RAG status")))
                .andExpect(content().string(containsString("Enter the progress made")));
        assertThat(jdbc.queryForObject("select count(*) from plan_update where item_id = ?", Long.class, p)).isZero();
    }

    @Test
    void progressUpdatesSetTheStatusAndCompleteAMilestone() throws Exception {
        long p = priority("Progress priority " + tag);
        long c = child(p, "Progress commitment " + tag, today.plusMonths(6));
        long m = child(c, "Progress milestone " + tag, today.plusDays(20));

        progress(m, today.minusDays(1), "RED", "Tender over budget " + tag, false);
        assertThat(jdbc.queryForObject("select rag from plan_item where id = ?", String.class, m)).isEqualTo("RED");
        // An update dated before the latest adds history but does not change the current status.
        progress(m, today.minusDays(10), "GREEN", "Earlier note " + tag, false);
        assertThat(jdbc.queryForObject("select rag from plan_item where id = ?", String.class, m)).isEqualTo("RED");
        mvc.perform(get("/plan").with(signedIn("coordinator")))
                .andExpect(content().string(containsString("Tender over budget " + tag)));

        progress(m, today, "GREEN", "Permission granted " + tag, true);
        assertThat(jdbc.queryForObject("select completed_on from plan_item where id = ?", LocalDate.class, m)).isEqualTo(today);
        String page = mvc.perform(get("/plan/items/" + m).with(signedIn("head"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Complete", "Permission granted " + tag, "Tender over budget " + tag, "Earlier note " + tag);
        assertThat(page.indexOf("Permission granted " + tag)).isLessThan(page.indexOf("Tender over budget " + tag));
        // A caseworker may read but not record progress.
        mvc.perform(date(post("/plan/items/" + m + "/updates"), "on", today).param("rag", "RED").param("progress", "x")
                .with(signedIn("caseworker")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void someoneElsesChangeIsNotOverwrittenSilently() throws Exception {
        long p = priority("Versioned priority " + tag);
        long version = jdbc.queryForObject("select version from plan_item where id = ?", Long.class, p);
        mvc.perform(post("/plan/items/" + p).param("title", "First change " + tag).param("version", String.valueOf(version))
                .with(signedIn("head")).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/plan/items/" + p).param("title", "Second change " + tag).param("version", String.valueOf(version))
                        .with(signedIn("support")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this priority")));
        assertThat(jdbc.queryForObject("select title from plan_item where id = ?", String.class, p)).isEqualTo("First change " + tag);
        assertThat(jdbc.queryForObject("select count(*) from audit_event"
                + " where action = 'plan-item.updated' and subject_id = ? and field = 'title' and new_value = ?", Long.class,
                String.valueOf(p), "First change " + tag)).isEqualTo(1);
    }

    @Test
    void theDeliveryPlanListsThisPeriodsMilestonesAndCarriesOverdueOnesForward() throws Exception {
        DeliveryPeriod quarter = DeliveryPeriod.quarterOf(today);
        long p = priority("Delivery priority " + tag);
        long c = child(p, "Delivery commitment " + tag, today.plusMonths(12));
        long due = child(c, "Due this quarter " + tag, quarter.to());
        long late = child(c, "Late from before " + tag, quarter.from().minusDays(10));
        long later = child(c, "Due next year " + tag, quarter.to().plusYears(1));
        progress(due, today, "AMBER", "Supplier delay " + tag, false);

        String page = mvc.perform(get("/plan/delivery").with(signedIn("mayor"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(quarter.label(), "Due this quarter " + tag, "Supplier delay " + tag,
                "Overdue from earlier periods", "Late from before " + tag).doesNotContain("Due next year " + tag);
        // The next quarter: not this one's milestones, still the overdue ones.
        String next = mvc.perform(get("/plan/delivery" + quarter.next().query()).with(signedIn("mayor")))
                .andReturn().getResponse().getContentAsString();
        assertThat(next).doesNotContain("Due this quarter " + tag).contains("Late from before " + tag);
        // The whole financial year.
        mvc.perform(get("/plan/delivery?period=year&year=" + quarter.year()).with(signedIn("mayor")))
                .andExpect(content().string(containsString("Due this quarter " + tag)));

        // The same rows as a spreadsheet: typed dates and text.
        byte[] xlsx = download(get("/plan/delivery.xlsx").with(signedIn("coordinator"))).getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Milestone");
            Row row = null;
            for (Row r : sheet) {
                if (("Due this quarter " + tag).equals(r.getCell(1).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("This period");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Delivery commitment " + tag);
            assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isTrue();
            assertThat(row.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(quarter.to());
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("Amber");
            assertThat(row.getCell(12).getStringCellValue()).isEqualTo("Supplier delay " + tag);
        }
        String text = download(get("/plan.csv").with(signedIn("caseworker"))).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("Level,Priority,Commitment,Milestone,");
        assertThat(text).contains("Milestone,Delivery priority " + tag + ",Delivery commitment " + tag + ",Late from before " + tag
                + ",,Housing & Regeneration,Karen Whitfield," + quarter.from().minusDays(10) + ",Green,,Yes,");
        assertThat(later).isPositive();
        assertThat(late).isPositive();
    }

    @Test
    void financialQuartersAndYears() {
        DeliveryPeriod q = DeliveryPeriod.quarterOf(LocalDate.of(2026, 11, 23));
        assertThat(q).isEqualTo(new DeliveryPeriod(2026, 3));
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q.label()).isEqualTo("2026/27, quarter 3 (October to December 2026)");
        DeliveryPeriod q4 = DeliveryPeriod.quarterOf(LocalDate.of(2027, 2, 1));
        assertThat(q4).isEqualTo(new DeliveryPeriod(2026, 4));
        assertThat(q4.to()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(q4.next()).isEqualTo(new DeliveryPeriod(2027, 1));
        DeliveryPeriod year = DeliveryPeriod.yearOf(LocalDate.of(2027, 3, 31));
        assertThat(year.label()).isEqualTo("2026/27 (April 2026 to March 2027)");
        assertThat(DeliveryPeriod.of("quarter", 2026, 9, LocalDate.of(2026, 11, 23))).isEqualTo(new DeliveryPeriod(2026, 1));
        assertThat(DeliveryPeriod.of(null, null, null, LocalDate.of(2026, 4, 1))).isEqualTo(new DeliveryPeriod(2026, 1));
    }
}
