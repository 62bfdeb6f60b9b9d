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
 * A caseworker adds a correspondent through the form (getting a validation error and a duplicate
 * warning on the way) and opens their record; a coordinator merges a duplicate. Every page
 * visited passes the axe WCAG 2.2 AA check.
 */
class PeopleJourneyTest extends BrowserTest {

    static final String DEMO_PASSWORD = BrowserSession.DEMO_PASSWORD;

    @Test
    void aCaseworkerAddsAPersonAndIsWarnedAboutADuplicate() {
        String surname = surname();
        String email = surname.toLowerCase() + "@example.org";
        Page page = signIn("caseworker");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("People");
        assertThat(page.locator("tbody tr")).hasCount(25);
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a person")).click();
        assertThat(page.locator("h1")).hasText("Add a person");
        Accessibility.assertNoViolations(page);

        // First try: no last name and a postcode that is not one.
        page.getByLabel("First name", new Page.GetByLabelOptions().setExact(true)).fill("Rosalind");
        page.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel("Postcode", new Page.GetByLabelOptions().setExact(true)).fill("E1 6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save person")).click();
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).containsText("Enter a last name, or an organisation name");
        assertThat(summary).containsText("Enter a real postcode, like E1 6AN");
        assertThat(page).hasTitle(Pattern.compile("^Error: Add a person"));
        assertThat(page.getByLabel("First name", new Page.GetByLabelOptions().setExact(true))).hasValue("Rosalind");
        assertThat(page.getByLabel("Postcode", new Page.GetByLabelOptions().setExact(true))).hasValue("E1 6");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "people-new-errors");

        page.getByLabel("Last name", new Page.GetByLabelOptions().setExact(true)).fill(surname);
        page.getByLabel("Postcode", new Page.GetByLabelOptions().setExact(true)).fill("e1 6an");
        page.getByLabel("Accessibility needs or vulnerability (optional)").fill("Prefers letters in large print");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save person")).click();
        assertThat(page.locator("h1")).hasText("Rosalind " + surname);
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Ward set to Whitechapel");
        assertThat(page.locator(".govuk-summary-list")).containsText("E1 6AN");
        assertThat(page.locator(".govuk-inset-text")).containsText("Sensitive");
        assertThat(page.locator(".govuk-inset-text")).containsText("Prefers letters in large print");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "people-details");

        // The same person again, by email: warned, then saved only after confirming.
        page.navigate("/people/new");
        page.getByLabel("First name", new Page.GetByLabelOptions().setExact(true)).fill("Ros");
        page.getByLabel("Last name", new Page.GetByLabelOptions().setExact(true)).fill(surname);
        page.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true)).fill(email.toUpperCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save person")).click();
        Locator warning = page.locator("#possible-duplicates");
        assertThat(warning).containsText("This person may already be in the directory");
        assertThat(warning.getByRole(AriaRole.LINK)).hasText("Rosalind " + surname + " (opens in new tab)");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "people-duplicate-warning");

        page.getByLabel("Save as a new person anyway").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save person")).click();
        assertThat(page.locator("h1")).hasText("Ros " + surname);

        page.navigate("/people?q=" + surname.toLowerCase());
        assertThat(page.locator("tbody tr")).hasCount(2);
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rosalind " + surname)).click();
        assertThat(page.locator("h1")).hasText("Rosalind " + surname);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge a duplicate into this record")))
                .hasCount(0);
        page.context().close();
    }

    @Test
    void aCoordinatorMergesADuplicateAfterCheckingBothRecords() {
        String surname = surname();
        Page page = signIn("coordinator");
        addPerson(page, "Kept", surname, "", "E3 4QQ");
        assertThat(page.locator("h1")).hasText("Kept " + surname);
        String keptUrl = page.url();
        addPerson(page, "Kept", surname, surname.toLowerCase() + "@example.net", "e34qq");
        assertThat(page.locator("#possible-duplicates")).containsText("This person may already be in the directory");
        page.getByLabel("Save as a new person anyway").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save person")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("added to the directory");

        page.navigate(keptUrl);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge a duplicate into this record")).click();
        assertThat(page.locator("h1")).hasText("Merge a duplicate into this record");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select the duplicate record");
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        Accessibility.assertNoViolations(page);

        page.getByLabel(Pattern.compile("^Kept " + surname + ", .*@example\\.net")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("h1")).hasText("Check and merge these records");
        assertThat(page.locator("main")).containsText(surname.toLowerCase() + "@example.net");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "people-merge-confirm");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge records")).click();
        assertThat(page).hasURL(keptUrl);
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("merged into this record");
        assertThat(page.locator(".govuk-summary-list")).containsText(surname.toLowerCase() + "@example.net");
        Accessibility.assertNoViolations(page);

        page.navigate("/people?q=" + surname.toLowerCase());
        assertThat(page.locator("tbody tr")).hasCount(1);
        page.context().close();
    }

    private void addPerson(Page page, String firstName, String lastName, String email, String postcode) {
        page.navigate("/people/new");
        page.getByLabel("First name", new Page.GetByLabelOptions().setExact(true)).fill(firstName);
        page.getByLabel("Last name", new Page.GetByLabelOptions().setExact(true)).fill(lastName);
        page.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel("Postcode", new Page.GetByLabelOptions().setExact(true)).fill(postcode);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save person")).click();
    }

    /** A surname of letters only, different every run. */
    private static String surname() {
        StringBuilder s = new StringBuilder("Journey");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16)));
        }
        return s.toString();
    }

    private Page signIn(String username) {
        return browser.signIn(username);
    }
}
