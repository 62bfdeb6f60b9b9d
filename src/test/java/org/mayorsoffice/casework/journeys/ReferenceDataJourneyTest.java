package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.mayorsoffice.casework.support.browser.BrowserSession;

/**
 * The administrator keeps the casework reference data in headless Debian Chromium: case types,
 * topics and one-off bank holiday changes. Every page visited, with and without errors, passes the
 * axe WCAG 2.2 AA check.
 */
class ReferenceDataJourneyTest extends BrowserTest {

    static final String DEMO_PASSWORD = BrowserSession.DEMO_PASSWORD;

    @Test
    void adminAddsAndChangesACaseType() {
        Page page = signIn("admin");
        page.navigate("/admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Case types").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Case types");
        assertThat(page.locator("table")).containsText("Mayor's casework");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a case type")).click();
        assertThat(page.locator("h1")).hasText("Add a case type");
        Accessibility.assertNoViolations(page);

        page.getByLabel("Internal target in working days").fill("12");
        page.getByLabel("Response target in working days").fill("10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add case type")).click();
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).containsText("Enter the name of the case type");
        assertThat(summary).containsText("Internal target must be the same as or shorter than the response target");
        assertThat(page).hasTitle(Pattern.compile("^Error: Add a case type"));
        assertThat(page.getByLabel("Internal target in working days")).hasValue("12");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "admin-case-type-errors");

        String name = "Journey type " + UUID.randomUUID().toString().substring(0, 6);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Internal target in working days").fill("8");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add case type")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText(name + " case type added");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change " + name)).click();
        assertThat(page.locator("h1")).hasText("Change case type");
        assertThat(page.locator("main")).containsText("JOURNEY_TYPE");
        Accessibility.assertNoViolations(page);
        page.getByLabel("Response target in working days").fill("15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Changes to " + name + " saved");
        page.context().close();
    }

    @Test
    void adminAddsATopic() {
        Page page = signIn("admin");
        page.navigate("/admin/topics");
        assertThat(page.locator("h1")).hasText("Topics");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a topic")).click();
        Accessibility.assertNoViolations(page);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Parking");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add topic")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("A topic with this name already exists");
        Accessibility.assertNoViolations(page);
        page.locator(".govuk-error-summary").getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#name")).isFocused();

        page.navigate("/admin/topics");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Parking").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Change topic");
        Accessibility.assertNoViolations(page);
        page.context().close();
    }

    @Test
    void adminRecordsAndRemovesAnExtraBankHoliday() {
        Page page = signIn("admin");
        page.navigate("/admin/bank-holidays");
        assertThat(page.locator("h1")).hasText("Bank holidays");
        assertThat(page.locator("main")).containsText("Bank holiday for the coronation of King Charles III");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add change")).click();
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).containsText("Enter the date");
        assertThat(summary).containsText("Select what kind of day it is");
        assertThat(page).hasTitle(Pattern.compile("^Error: Bank holidays"));
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "admin-bank-holiday-errors");
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Enter the date")).click();
        assertThat(page.locator("#day")).isFocused();

        // A far-future Thursday, removed again below so other tests' deadlines are unaffected.
        page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).fill("13");
        page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)).fill("7");
        page.getByLabel("Year", new Page.GetByLabelOptions().setExact(true)).fill("2034");
        page.getByLabel("Extra bank holiday", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true)).fill("Journey test bank holiday");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add change")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Thursday 13 July 2034 added");
        assertThat(page.locator("main")).containsText("Journey test bank holiday");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove the change for 13 July 2034")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("The change for 13 July 2034 has been removed");
        assertThat(page.locator("main")).not().containsText("Journey test bank holiday");
        page.context().close();
    }

    private Page signIn(String username) {
        return browser.signIn(username);
    }
}
