package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;

/** The reports dashboards and the API token page in headless Chromium; every page passes the axe WCAG 2.2 AA check. */
class ReportsJourneyTest extends BrowserTest {

    @Test
    void headOfOfficeFiltersTheDashboard() {
        Page page = browser.signIn("head");
        page.navigate("/reports");
        assertThat(page.locator("h1")).hasText("Reports");
        Accessibility.assertNoViolations(page);

        page.getByLabel("Received from").fill("2024-01-01");
        page.getByLabel("Case type").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Complaint"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*from=2024-01-01.*caseTypeId=.*"));
        assertThat(page.locator("#open-by-age caption")).containsText("Open cases by status and age");
        Accessibility.assertNoViolations(page);
    }

    @Test
    void memberSeesTheirOwnReportAndAdminTheTokens() {
        Page member = browser.signIn("mayor");
        member.navigate("/reports/member");
        assertThat(member.locator("h1")).hasText("My casework report");
        Accessibility.assertNoViolations(member);

        Page admin = browser.signIn("admin");
        admin.navigate("/admin/api-tokens");
        Accessibility.assertNoViolations(admin);
        admin.getByLabel("Name").fill("Power BI journey");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(admin.locator("#new-token")).isVisible();
        Accessibility.assertNoViolations(admin);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(admin.locator(".govuk-error-summary")).isVisible();
        Accessibility.assertNoViolations(admin);
    }
}
