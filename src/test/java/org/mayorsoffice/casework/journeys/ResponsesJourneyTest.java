package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.responses.ResponseFixtures;
import org.mayorsoffice.casework.responses.ResponseFixtures.CaseFixture;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The draft response journey in headless Chromium: the caseworker drafts from a template and submits it; the
 * Mayor finds it in Approvals on her home page and returns it with a comment; the caseworker revises and
 * resubmits; the Mayor approves; the caseworker sends it by letter and email and the case shows Response sent.
 * Every page passes the axe WCAG 2.2 AA check.
 */
class ResponsesJourneyTest extends BrowserTest {

    @Autowired
    CaseService cases;

    @Autowired
    UserAccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxWorker outboxWorker;

    @Test
    void draftReturnReviseApproveAndSend() {
        ResponseFixtures fixtures = new ResponseFixtures(jdbc, cases, accounts);
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Damp and mould in the children's bedroom");

        // The caseworker drafts from the acknowledgement template.
        Page page = browser.signIn("caseworker");
        page.navigate("/cases/" + c.caseId());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draft a response").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Draft a response");
        Accessibility.assertNoViolations(page);
        page.getByLabel("Start from").selectOption(new SelectOption().setLabel("Acknowledgement"));
        page.getByLabel("Ms Olivia Testwood, E1 6RF").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.getByLabel("Text of the response")).hasValue(java.util.regex.Pattern.compile(
                ".*Thank you for contacting Aisha Rahman about Damp and mould.*" + c.reference() + ".*", java.util.regex.Pattern.DOTALL));
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Draft saved as version 1");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("submitted for approval to Aisha Rahman");
        String draftUrl = page.url();
        page.context().close();

        // The Mayor sees it in Approvals on her home page and returns it with a comment.
        Page mayor = browser.signIn("mayor");
        assertThat(mayor.locator("main")).containsText("Approvals");
        Accessibility.assertNoViolations(mayor);
        mayor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(c.reference())).first().click();
        assertThat(mayor.locator("h1")).hasText("Response to Ms Olivia Testwood");
        assertThat(mayor.locator("main")).containsText("Damp and mould in the children's bedroom");
        Accessibility.assertNoViolations(mayor);
        mayor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Return with comments")).click();
        assertThat(mayor.locator(".govuk-error-summary")).containsText("Enter your comments for the drafter");
        Accessibility.assertNoViolations(mayor);
        mayor.getByLabel("Your comments").fill("Please add that I will visit the estate next month.");
        mayor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Return with comments")).click();
        assertThat(mayor.locator(".govuk-notification-banner")).containsText("returned to Amira Khan");
        Accessibility.assertNoViolations(mayor);
        mayor.navigate("/approvals/delegations");
        Accessibility.assertNoViolations(mayor);

        // The caseworker revises it (adding a standard line) and resubmits.
        page = browser.signIn("caseworker");
        page.navigate(draftUrl);
        assertThat(page.locator("main")).containsText("Please add that I will visit the estate next month.");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit the draft")).click();
        Accessibility.assertNoViolations(page);
        page.getByLabel("Standard line", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Further help"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the line to the text")).click();
        String text = page.getByLabel("Text of the response").inputValue();
        assertThat(text).contains("If you need help with anything else");
        page.getByLabel("Text of the response").fill(text + "\n\nThe Mayor will visit your estate next month.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Draft saved as version 2");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Version 2")).click();
        assertThat(page.locator("main")).containsText("The Mayor will visit your estate next month.");
        Accessibility.assertNoViolations(page);
        page.navigate(draftUrl);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resubmit for approval")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("submitted for approval");
        page.context().close();

        // The Mayor approves it.
        mayor = browser.signIn("mayor");
        mayor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(c.reference())).first().click();
        assertThat(mayor.locator("main")).containsText("The Mayor will visit your estate next month.");
        mayor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(mayor.locator(".govuk-notification-banner")).containsText("approved");
        Accessibility.assertNoViolations(mayor);
        mayor.context().close();

        // The caseworker sends it by letter and email.
        page = browser.signIn("caseworker");
        page.navigate(draftUrl);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the response")).click();
        assertThat(page.locator("h1")).hasText("Send the response");
        Accessibility.assertNoViolations(page);
        assertThat(page.getByLabel("Letter: print and post")).isChecked();
        assertThat(page.getByLabel("Email to " + c.email(), new Page.GetByLabelOptions().setExact(false))).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the response")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Response sent by email");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the letter as sent (PDF)"))).isVisible();
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "responses-sent");
        page.navigate("/cases/" + c.caseId());
        assertThat(page.locator("main")).containsText("Response sent");
        assertThat(page.locator(".app-timeline")).containsText("Response sent to Ms Olivia Testwood");
        Accessibility.assertNoViolations(page);
        page.context().close();

        outboxWorker.deliverDue();
        List<jakarta.mail.internet.MimeMessage> received = TestMail.receivedBy(c.email());
        assertThat(received).hasSize(1);
    }
}
