package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;

/**
 * A cabinet support officer adds a milestone to the demo strategic plan, records progress on it by keyboard-usable
 * forms, and the Mayor reads the delivery plan; every page passes the axe WCAG 2.2 AA check.
 */
class PlanJourneyTest extends BrowserTest {

    @Test
    void supportOfficerRecordsProgressAndTheMayorReadsTheDeliveryPlan() {
        String title = "Tenant satisfaction survey " + UUID.randomUUID().toString().substring(0, 6);
        Page page = browser.signIn("support");
        page.navigate("/plan");
        assertThat(page.locator("h1")).hasText("Strategic plan");
        assertThat(page.locator("#milestone-summary")).containsText("Overdue");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fix damp and mould in council homes within 28 days")).click();
        assertThat(page.locator("h1")).containsText("Fix damp and mould");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a milestone")).click();
        // Nothing entered: the error summary explains, and the page still passes the check.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add milestone")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter a title for the milestone");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the target date");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        Accessibility.assertNoViolations(page);

        page.getByLabel("Title").fill(title);
        page.getByLabel("Day").first().fill("15");
        page.getByLabel("Month").first().fill("12");
        page.getByLabel("Year").first().fill("2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add milestone")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Milestone added: " + title);
        assertThat(page.locator("h1")).containsText(title);
        Accessibility.assertNoViolations(page);

        page.getByLabel("Amber: at risk").check();
        page.getByLabel("Progress", new Page.GetByLabelOptions().setExact(true)).fill("Survey questions agreed; fieldwork starts next week.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record update")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Progress update recorded");
        assertThat(page.locator("h1 .govuk-tag").first()).hasText("Amber");
        assertThat(page.locator(".app-timeline")).containsText("Survey questions agreed");

        Page mayor = browser.signIn("mayor");
        mayor.navigate("/plan/delivery?period=quarter&year=2026&quarter=3");
        assertThat(mayor.locator("h1")).hasText("2026/27, quarter 3 (October to December 2026)");
        assertThat(mayor.locator("#due")).containsText(title);
        assertThat(mayor.locator("#due")).containsText("Survey questions agreed");
        Accessibility.assertNoViolations(mayor);
        mayor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("This year")).click();
        assertThat(mayor.locator("h1")).containsText("2026/27 (April 2026 to March 2027)");
        Accessibility.assertNoViolations(mayor);
    }
}
