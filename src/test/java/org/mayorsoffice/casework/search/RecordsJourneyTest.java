package org.mayorsoffice.casework.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records management in the browser: an administrator sets a retention rule; the head of office reviews and
 * approves the retention batch, places a legal hold on a case, hands over a member's casework and reads the
 * audit log. Every page (and its error state) passes axe.
 */
class RecordsJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void retentionReviewLegalHoldHandoverAndAuditLog() {
        RecordsFixtures data = new RecordsFixtures(jdbc);
        long type = data.caseType();
        String typeName = jdbc.queryForObject("select name from case_type where id = ?", String.class, type);
        long due = data.aCase(type, 8, "Old parking complaint");
        long open = data.aCase(type, null, "Open noise complaint");
        String dueRef = data.reference(due);

        Page admin = browser.signIn("admin");
        admin.navigate("/admin/retention");
        assertThat(admin.locator("h1")).hasText("Retention rules");
        Accessibility.assertNoViolations(admin);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change the rule for " + typeName)).click();
        admin.getByLabel("Delete them with everything on them").check();
        admin.getByLabel("Years after closure").fill("six");
        button(admin, "Save rule").click();
        assertThat(admin.locator(".govuk-error-summary")).containsText("Enter how many years after closure");
        Accessibility.assertNoViolations(admin);
        admin.getByLabel("Years after closure").fill("6");
        button(admin, "Save rule").click();
        assertThat(admin.locator("body")).containsText("Retention rule for " + typeName + " saved");

        jdbc.update("update retention_batch set status = 'CANCELLED', decided_at = now(), decided_by = 'test' where status = 'PENDING'");
        Page head = browser.signIn("head");
        head.navigate("/records/retention");
        assertThat(head.locator("h1")).hasText("Retention review");
        Accessibility.assertNoViolations(head);
        head.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See what would be removed today (dry run)")).click();
        assertThat(head.locator("body")).containsText(dueRef);
        Accessibility.assertNoViolations(head);
        head.navigate("/records/retention");
        button(head, "Start a review now").click();
        assertThat(head.locator("body")).containsText(dueRef);
        button(head, "Exclude " + dueRef).click();
        assertThat(head.locator("body")).containsText("Excluded: kept");
        Accessibility.assertNoViolations(head);
        button(head, "Include " + dueRef).click();
        button(head, "Approve and remove").click();
        assertThat(head.locator(".govuk-error-summary")).containsText("Confirm that you have checked the list");
        Accessibility.assertNoViolations(head);
        head.getByLabel("I have checked the list and want these records removed").check();
        button(head, "Approve and remove").click();
        assertThat(head.locator("body")).containsText("Approved and carried out");
        Accessibility.assertNoViolations(head);

        head.navigate("/cases/" + open);
        head.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Place a legal hold")).click();
        button(head, "Place a legal hold").click();
        assertThat(head.locator(".govuk-error-summary")).containsText("Enter why the case is under a legal hold");
        Accessibility.assertNoViolations(head);
        head.getByLabel("Why is the case under a legal hold?").fill("Ombudsman complaint 24-001234");
        button(head, "Place a legal hold").click();
        assertThat(head.locator(".govuk-tag", new Page.LocatorOptions().setHasText("Legal hold"))).isVisible();
        assertThat(head.locator("body")).containsText("Legal hold: Ombudsman complaint 24-001234");
        Accessibility.assertNoViolations(head);

        String suffix = RecordsFixtures.uniqueName();
        jdbc.update("insert into member (full_name, office) values (?, 'CABINET_MEMBER')", "Cllr Leaving " + suffix);
        jdbc.update("update casework_case set member_id = (select id from member where full_name = ?) where id = ?",
                "Cllr Leaving " + suffix, open);
        head.navigate("/records/handover");
        Accessibility.assertNoViolations(head);
        button(head, "Continue").click();
        assertThat(head.locator(".govuk-error-summary")).containsText("Select the outgoing member");
        Accessibility.assertNoViolations(head);
        head.getByLabel("Outgoing member").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Cllr Leaving " + suffix));
        head.getByLabel("Who takes over").selectOption("HEAD");
        button(head, "Continue").click();
        assertThat(head.locator("h1")).hasText("Check the handover");
        assertThat(head.locator("body")).containsText("1 will move");
        Accessibility.assertNoViolations(head);
        head.getByLabel("I want to hand over this casework now").check();
        button(head, "Hand over").click();
        assertThat(head.locator("h1")).hasText("Handover report");
        assertThat(head.locator("table")).containsText(data.reference(open));
        Accessibility.assertNoViolations(head);

        head.navigate("/audit");
        assertThat(head.locator("h1")).hasText("Audit log");
        Accessibility.assertNoViolations(head);
        head.getByLabel("Case reference").fill(data.reference(open));
        button(head, "Show entries").click();
        assertThat(head.locator("table")).containsText("case.legal-hold");
        Accessibility.assertNoViolations(head);
        head.getByLabel("From").fill("31/2/2026");
        button(head, "Show entries").click();
        assertThat(head.locator(".govuk-error-summary")).containsText("Enter the start date as a real date");
        Accessibility.assertNoViolations(head);
    }
}
