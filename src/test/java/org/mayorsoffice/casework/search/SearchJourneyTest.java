package org.mayorsoffice.casework.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A caseworker searches from the header box, sees highlighted results, and jumps to a case by reference. */
class SearchJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCaseworkerSearchesFromTheHeader() {
        String word = "zqj" + (char) ('b' + new Random().nextInt(20)) + "plmx" + (char) ('b' + new Random().nextInt(20)) + "x";
        String reference = "MO-2095-" + String.format("%05d", new Random().nextInt(99_999));
        long caseId = jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by)
                values (?, (select min(id) from case_type), 'EMAIL', ?, 'NORMAL', 'NEW', 'STANDARD',
                    'PUBLIC_TASK', current_date - 3, current_date + 4, current_date + 7, 'test')
                returning id""", Long.class, reference, "Broken lift at " + word + " House");

        Page page = browser.signIn("caseworker");
        page.getByLabel("Search cases, correspondence and people", new Page.GetByLabelOptions().setExact(true))
                .first().fill(word);
        page.getByRole(AriaRole.SEARCH, new Page.GetByRoleOptions().setName("Site search"))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Search")).click();
        assertThat(page.locator("h1")).hasText("Search");
        assertThat(page.locator("#results-CASE")).hasText("Cases (1)");
        assertThat(page.locator(".app-search-result mark").first()).hasText(word);
        Accessibility.assertNoViolations(page);

        page.locator("#header-search").fill(reference.toLowerCase());
        page.locator("#header-search").press("Enter");
        page.waitForURL("**/cases/" + caseId);
        assertThat(page.locator("body")).containsText(reference);
    }
}
