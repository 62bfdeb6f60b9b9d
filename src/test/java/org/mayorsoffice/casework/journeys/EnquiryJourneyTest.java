package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The members' enquiry journey in headless Chromium: a caseworker raises an enquiry to Housing from a case,
 * finds it on Members' enquiries and records the directorate's response; an administrator keeps the
 * directorate directory. Every page passes the axe WCAG 2.2 AA check.
 */
class EnquiryJourneyTest extends BrowserTest {

    static final String HOUSING = "housing.regeneration.enquiries@council.example.org";

    @Autowired
    CaseService cases;

    @Autowired
    UserAccountService accounts;

    @Autowired
    OutboxWorker outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void caseworkerRaisesAnEnquiryToHousingAndRecordsTheResponse() throws Exception {
        String subject = "Repairs not done at Lansbury Court " + UUID.randomUUID().toString().substring(0, 6);
        long personId = jdbc.queryForObject("insert into person (kind, first_name, last_name, postcode, created_by)"
                + " values ('RESIDENT', 'Nadia', 'Journey', 'E14 6DN', 'test') returning id", Long.class);
        long caseId = cases.open(new OpenCase(jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class),
                Channel.EMAIL, subject, "The kitchen leak was reported in August.", null, null, null, null, Priority.NORMAL,
                Confidentiality.STANDARD, LawfulBasis.PUBLIC_TASK, false, LocalDate.now(), List.of(personId)),
                accounts.loadUserByUsername("coordinator"));
        long caseworkerId = jdbc.queryForObject("select id from app_user where username = 'caseworker'", Long.class);
        cases.allocate(List.of(caseId), caseworkerId, null, accounts.loadUserByUsername("coordinator"));
        String caseReference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);

        Page page = browser.signIn("caseworker");
        page.navigate("/cases/" + caseId);
        assertThat(page.locator("h1")).hasText(subject);
        Accessibility.assertNoViolations(page);

        // Raise the enquiry; first without saying anything.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise a members' enquiry")).click();
        assertThat(page.locator("h1")).hasText("Raise a members' enquiry");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send enquiry")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select the directorate or service area the enquiry is for");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the question for the directorate");
        Accessibility.assertNoViolations(page);
        page.getByLabel("Who is the enquiry for?").selectOption(new SelectOption().setLabel("Housing & Regeneration (10 working days)"));
        page.getByLabel("Question for the directorate").fill("When will the kitchen leak at Lansbury Court be repaired?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send enquiry")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("sent to Housing & Regeneration");
        String reference = page.locator("h1").textContent().replace("Members' enquiry ", "").strip();
        org.assertj.core.api.Assertions.assertThat(reference).matches("ME-\\d{4}-\\d{5}");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "enquiry-raised");

        // The email went to Housing with both references (the mail server stores it on its own thread).
        String expected = "Members' enquiry " + reference + " (case " + caseReference + ")";
        outbox.deliverDue();
        boolean received = false;
        for (int i = 0; i < 50 && !received; i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            for (jakarta.mail.internet.MimeMessage m : TestMail.receivedBy(HOUSING)) {
                received |= expected.equals(m.getSubject());
            }
        }
        org.assertj.core.api.Assertions.assertThat(received).as(expected).isTrue();

        // The case page shows the move and links to its enquiries.
        page.navigate("/cases/" + caseId);
        assertThat(page.locator("main")).containsText("Awaiting directorate");
        assertThat(page.locator(".app-timeline")).containsText("Members' enquiry " + reference + " sent to Housing & Regeneration");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members' enquiries on this case")).click();
        assertThat(page.locator("main")).containsText(reference);
        Accessibility.assertNoViolations(page);

        // Members' enquiries lists it, filtered to Housing & Regeneration.
        page.navigate("/enquiries");
        assertThat(page.locator("h1")).hasText("Members' enquiries");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Housing & Regeneration").setExact(true)).click();
        assertThat(page.locator("#directorate option:checked")).containsText("Housing & Regeneration");
        Accessibility.assertNoViolations(page);
        while (page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).count() == 0
                && page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next")).count() > 0) {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next")).first().click();
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        assertThat(page.locator("main")).containsText("When will the kitchen leak at Lansbury Court be repaired?");

        // Record the response.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the response")).click();
        assertThat(page.locator("h1")).hasText("Record the response");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record response")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the directorate's response");
        Accessibility.assertNoViolations(page);
        page.getByLabel("The directorate's response").fill("A plumber will attend on Thursday morning.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record response")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("answered on time");
        assertThat(page.locator("main")).containsText("Answered on time");
        assertThat(page.locator("main")).containsText("A plumber will attend on Thursday morning.");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "enquiry-answered");

        page.navigate("/cases/" + caseId);
        assertThat(page.locator("main")).containsText("In progress");
        assertThat(page.locator(".app-timeline")).containsText("A plumber will attend on Thursday morning.");
        page.context().close();
    }

    @Test
    void administratorKeepsTheDirectorateDirectory() {
        Page page = browser.signIn("admin");
        page.navigate("/admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Directorates")).click();
        assertThat(page.locator("h1")).hasText("Directorates");
        assertThat(page.locator("main")).containsText("karen.whitfield@council.example.org");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Housing & Regeneration")).click();
        assertThat(page.locator("h1")).hasText("Change directorate");
        page.getByLabel("Response target in working days").fill("ten");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Response target must be a whole number");
        assertThat(page.getByLabel("Response target in working days")).hasValue("ten");
        Accessibility.assertNoViolations(page);
        page.navigate("/admin/directorates");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Housing Management and Repairs")).click();
        assertThat(page.locator("h1")).hasText("Change service area");
        assertThat(page.getByLabel("Enquiry email address (optional)")).hasValue("repairs.enquiries@council.example.org");
        Accessibility.assertNoViolations(page);
        page.context().close();
    }
}
