package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.correspondence.MailboxIntake.PollResult;
import org.mayorsoffice.casework.correspondence.internal.ImapSettings;
import org.mayorsoffice.casework.correspondence.internal.MailboxIntakeService;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The correspondence journey in headless Chromium: an email lands in the office mailbox, the intake reads
 * it, the coordinator finds it in the triage inbox and creates a case from it (the form prefilled from the
 * email), and the case's timeline shows the correspondence. Every page passes the axe WCAG 2.2 AA check.
 */
class CorrespondenceJourneyTest extends BrowserTest {

    @Autowired
    MailboxIntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEmailBecomesACaseFromTheTriageInbox() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String subject = "Mould in the children's bedroom " + tag;
        String login = "journey-" + tag;
        GreenMailUser mailbox = TestMail.server().setUser(login + "@council.example.org", login, "secret");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("yasmin." + tag + "@example.org", "Yasmin Journey"));
        message.setRecipients(MimeMessage.RecipientType.TO, login + "@council.example.org");
        message.setSubject(subject);
        message.setText("Dear Mayor, the mould keeps coming back and my children are ill. Please help.", "UTF-8");
        message.saveChanges();
        mailbox.deliver(message);

        PollResult result = intake.pollOnce(new ImapSettings(true, "127.0.0.1", TestMail.imapPort(), false, login, "secret",
                "INBOX", null, null, Duration.ofSeconds(5)));
        org.assertj.core.api.Assertions.assertThat(result.imported()).isEqualTo(1);
        long itemId = jdbc.queryForObject("select id from correspondence_item where subject = ?", Long.class, subject);

        Page page = browser.signIn("coordinator");
        page.navigate("/correspondence/triage");
        assertThat(page.locator("h1")).hasText("Triage inbox");
        Accessibility.assertNoViolations(page);

        long before = jdbc.queryForObject("select count(*) from correspondence_item where status = 'IN_TRIAGE'"
                + " and (occurred_on, id) < (select occurred_on, id from correspondence_item where id = ?)", Long.class, itemId);
        page.navigate("/correspondence/triage?page=" + before / 25);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject)).click();
        assertThat(page.locator("h1")).hasText(subject);
        assertThat(page.locator("main")).containsText("Yasmin Journey");
        assertThat(page.locator("main")).containsText("my children are ill");
        Accessibility.assertNoViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create a case").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Create a case from correspondence");
        assertThat(page.getByLabel("Subject")).hasValue(subject);
        assertThat(page.getByLabel("Description")).hasValue("Dear Mayor, the mould keeps coming back and my children are ill. Please help.");
        Accessibility.assertNoViolations(page);

        // Forgetting the person explains what is needed, keeping the form.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create case")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select the person the case is about");
        assertThat(page.getByLabel("Subject")).hasValue(subject);
        Accessibility.assertNoViolations(page);

        assertThat(page.locator(".govuk-error-summary")).containsText("Select the type of case");
        page.getByLabel("Add Yasmin Journey to the people directory").check();
        page.getByLabel("Type of case").selectOption(jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", String.class));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create case")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("opened from the correspondence");
        assertThat(page.locator("h1")).hasText(subject);
        assertThat(page.locator(".app-timeline")).containsText("Email from Yasmin Journey");
        assertThat(page.locator(".app-timeline")).containsText("/correspondence/" + itemId);
        assertThat(page.locator("main")).containsText("Yasmin Journey");
        browser.screenshot(page, "correspondence-case-created");
        Accessibility.assertNoViolations(page);

        // The item now says where it went.
        page.navigate("/correspondence/" + itemId);
        assertThat(page.locator("main")).containsText("New case opened");
        assertThat(page.locator("main")).containsText("Tom Reilly");
        Accessibility.assertNoViolations(page);

        // The register and campaigns pages.
        page.navigate("/correspondence");
        assertThat(page.locator("h1")).hasText("Correspondence register");
        Accessibility.assertNoViolations(page);
        page.navigate("/correspondence/new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log it")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the subject");
        Accessibility.assertNoViolations(page);
        page.navigate("/correspondence/campaigns");
        Accessibility.assertNoViolations(page);
        page.context().close();
    }
}
