package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.internal.CaseCommands.OpenCase;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.mayorsoffice.casework.support.browser.BrowserSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The casework journey in headless Chromium: the coordinator allocates a new case; the caseworker
 * opens it from My cases, adds a note and a follow-up action, moves it to Awaiting resident (the
 * deadline clock pauses) and back. Every page passes the axe WCAG 2.2 AA check.
 */
class CaseworkJourneyTest extends BrowserTest {

    static final String DEMO_PASSWORD = BrowserSession.DEMO_PASSWORD;

    @Autowired
    CaseService cases;

    @Autowired
    UserAccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void coordinatorAllocatesAndCaseworkerWorksTheCase() {
        String subject = "Lift broken in Brindley House " + UUID.randomUUID().toString().substring(0, 6);
        long personId = jdbc.queryForObject("insert into person (kind, first_name, last_name, postcode, created_by)"
                + " values ('RESIDENT', 'Farida', 'Journey', 'E1 6AN', 'test') returning id", Long.class);
        long caseId = cases.open(new OpenCase(jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class),
                Channel.EMAIL, subject, "The lift has been broken for three weeks.", null, null, null, null, Priority.HIGH,
                Confidentiality.STANDARD, LawfulBasis.PUBLIC_TASK, false, LocalDate.now(), List.of(personId)),
                accounts.loadUserByUsername("coordinator"));
        String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);

        // The coordinator allocates it from the triage queue.
        Page coordinator = signIn("coordinator");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Triage").setExact(true)).first().click();
        assertThat(coordinator.locator("h1")).hasText("Triage: new cases");
        Accessibility.assertNoViolations(coordinator);
        coordinator.getByLabel("Allocate the selected cases to").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Amira Khan"));
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allocate selected cases")).click();
        assertThat(coordinator.locator(".govuk-error-summary")).containsText("Select at least one case to allocate");
        Accessibility.assertNoViolations(coordinator);
        long waiting = jdbc.queryForObject("select count(*) from casework_case where status = 'NEW' and allocated_to_id is null"
                + " and confidentiality <> 'RESTRICTED'", Long.class);
        coordinator.navigate("/cases/triage?page=" + ((waiting + 24) / 25)); // oldest first: today's case is on the last page
        coordinator.getByLabel("Select " + reference).check();
        coordinator.getByLabel("Allocate the selected cases to").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Amira Khan"));
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allocate selected cases")).click();
        assertThat(coordinator.locator(".govuk-notification-banner")).containsText("1 case allocated");
        assertThat(coordinator.locator(".govuk-notification-banner__title")).hasText("Success");
        browser.screenshot(coordinator, "casework-triage-allocated");
        coordinator.navigate("/cases/board");
        Accessibility.assertNoViolations(coordinator);
        coordinator.context().close();

        // The caseworker finds it in My cases.
        Page page = signIn("caseworker");
        Accessibility.assertNoViolations(page); // home page with real queues
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My cases")).click();
        assertThat(page.locator("h1")).hasText("My cases");
        Accessibility.assertNoViolations(page);
        page.getByLabel("Sort by").selectOption("received");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        assertThat(page.locator("h1")).hasText(subject);
        assertThat(page.locator("main")).containsText("Allocated");
        Accessibility.assertNoViolations(page);

        // A note.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a note")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the note");
        Accessibility.assertNoViolations(page);
        page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Spoke to Farida: the lift engineer has not been.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(page.locator(".app-timeline")).containsText("Spoke to Farida: the lift engineer has not been.");

        // A follow-up action.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a follow-up action")).click();
        page.getByLabel("What needs to be done").fill("Chase Housing Repairs for the engineer's visit");
        LocalDate due = LocalDate.now().plusDays(3);
        page.getByLabel("Day").fill(String.valueOf(due.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(due.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(due.getYear()));
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add action")).click();
        assertThat(page.locator("main")).containsText("Chase Housing Repairs for the engineer's visit");

        // In progress, then Awaiting resident: the clock pauses.
        changeStatus(page, "In progress");
        changeStatus(page, "Awaiting resident");
        assertThat(page.locator(".govuk-notification-banner")).containsText("the deadline clock is paused");
        assertThat(page.locator("main")).containsText("Clock paused");
        browser.screenshot(page, "casework-awaiting-resident");
        Accessibility.assertNoViolations(page);

        // And back: the clock runs again.
        changeStatus(page, "In progress");
        assertThat(page.locator("main")).not().containsText("Clock paused since");
        assertThat(page.locator(".app-timeline")).containsText("Status changed from Awaiting resident to In progress");
        page.navigate("/actions/mine");
        assertThat(page.locator("main")).containsText("Chase Housing Repairs for the engineer's visit");
        Accessibility.assertNoViolations(page);
        page.context().close();
    }

    @Test
    void openingACaseFindsThePersonAndExplainsErrors() {
        jdbc.update("insert into person (kind, first_name, last_name, postcode, created_by) values ('RESIDENT', 'Yusuf', 'Findable', 'E3 4AA', 'test')");
        Page page = signIn("caseworker");
        page.navigate("/cases/new");
        Accessibility.assertNoViolations(page);
        page.getByLabel("Subject").fill("Parking permit refused");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).containsText("Find and select the person the case is about");
        assertThat(summary).containsText("Select the type of case");
        assertThat(page.getByLabel("Subject")).hasValue("Parking permit refused");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "casework-open-errors");

        page.getByLabel("Find the person").fill("Findable");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search people")).click();
        page.getByLabel("Yusuf Findable", new Page.GetByLabelOptions().setExact(false)).first().check();
        page.getByLabel("Type of case").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Mayor's casework"));
        page.getByLabel("How it came in").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Phone"));
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("opened. Response due");
        assertThat(page.locator("h1")).hasText("Parking permit refused");
        assertThat(page.locator("main")).containsText("Findable");
        page.context().close();
    }

    private void changeStatus(Page page, String status) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();
        Accessibility.assertNoViolations(page);
        page.getByLabel(status, new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Status changed to " + status.toLowerCase());
    }

    private Page signIn(String username) {
        return browser.signIn(username);
    }
}
