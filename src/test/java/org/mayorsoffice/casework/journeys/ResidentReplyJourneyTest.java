package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.correspondence.MailboxIntake.PollResult;
import org.mayorsoffice.casework.correspondence.internal.ImapSettings;
import org.mayorsoffice.casework.correspondence.internal.MailboxIntakeService;
import org.mayorsoffice.casework.enquiries.internal.EnquiryChaser;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole journey of a resident's email, in headless Chromium with the demo users: the email arrives in
 * the intake mailbox, the coordinator triages it into a new case for the Mayor and allocates it, the
 * caseworker raises a members' enquiry to Housing, the chaser goes out when it is overdue, the response is
 * recorded, the caseworker drafts from a template and submits it, the Mayor returns it with a comment, the
 * caseworker revises it, the Mayor approves it, the PDF letter is produced and the email sent, and the case
 * shows Response sent with the whole story on its timeline. Every page passes the axe WCAG 2.2 AA check.
 */
class ResidentReplyJourneyTest extends BrowserTest {

    static final String HOUSING = "housing.regeneration.enquiries@council.example.org";

    @Autowired
    MailboxIntakeService intake;

    @Autowired
    EnquiryChaser chaser;

    @Autowired
    OutboxWorker outbox;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    private void click(Page page, AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }

    /** The mail server stores messages on its own thread: wait briefly for the one we expect. */
    private MimeMessage awaitMail(String to, String subjectPart) throws Exception {
        for (int i = 0; i < 50; i++) {
            for (MimeMessage m : TestMail.receivedBy(to)) {
                if (m.getSubject() != null && m.getSubject().contains(subjectPart)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email to " + to + " with subject containing " + subjectPart);
    }

    @Test
    void fromTheIntakeMailboxToResponseSent() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String subject = "Damp and mould at Lansbury Court " + tag;
        String resident = "resident." + tag + "@example.org";

        // 1. A resident's email arrives in the office mailbox and the intake reads it.
        String login = "intake-" + tag;
        GreenMailUser mailbox = TestMail.server().setUser(login + "@council.example.org", login, "secret");
        MimeMessage email = new MimeMessage(Session.getInstance(new Properties()));
        email.setFrom(new InternetAddress(resident, "Farida Begum"));
        email.setRecipients(MimeMessage.RecipientType.TO, login + "@council.example.org");
        email.setSubject(subject);
        email.setText("Dear Mayor, the damp in my flat at 12 Lansbury Court has come back and my son has asthma.", "UTF-8");
        email.saveChanges();
        mailbox.deliver(email);
        PollResult polled = intake.pollOnce(new ImapSettings(true, "127.0.0.1", TestMail.imapPort(), false, login, "secret",
                "INBOX", null, null, Duration.ofSeconds(5)));
        org.assertj.core.api.Assertions.assertThat(polled.imported()).isEqualTo(1);
        long itemId = jdbc.queryForObject("select id from correspondence_item where subject = ?", Long.class, subject);
        long mayorMember = jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class);

        // 2. The coordinator triages it into a new case for the Mayor, then allocates it.
        Page coordinator = browser.signIn("coordinator");
        coordinator.navigate("/correspondence/triage");
        Accessibility.assertNoViolations(coordinator);
        coordinator.navigate("/correspondence/" + itemId);
        assertThat(coordinator.locator("h1")).hasText(subject);
        click(coordinator, AriaRole.LINK, "Create a case");
        assertThat(coordinator.getByLabel("Subject")).hasValue(subject);
        coordinator.getByLabel("Add Farida Begum to the people directory").check();
        coordinator.getByLabel("Type of case").selectOption(
                jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", String.class));
        coordinator.getByLabel("Handled on behalf of (optional)").selectOption(String.valueOf(mayorMember));
        Accessibility.assertNoViolations(coordinator);
        click(coordinator, AriaRole.BUTTON, "Create case");
        assertThat(coordinator.locator("h1")).hasText(subject);
        long caseId = Long.parseLong(coordinator.url().replaceAll(".*/cases/(\\d+).*", "$1"));
        String caseReference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
        coordinator.navigate("/cases/" + caseId + "/allocate");
        coordinator.getByLabel("Caseworker").selectOption(new SelectOption().setLabel("Amira Khan"));
        Accessibility.assertNoViolations(coordinator);
        click(coordinator, AriaRole.BUTTON, "Allocate");
        assertThat(coordinator.locator(".app-timeline")).containsText("Allocated to Amira Khan");
        coordinator.context().close();

        // 3. The caseworker (told by the bell) raises a members' enquiry to Housing.
        Page caseworker = browser.signIn("caseworker");
        assertThat(caseworker.locator(".app-header__bell")).containsText("unread");
        caseworker.navigate("/cases/" + caseId);
        click(caseworker, AriaRole.BUTTON, "Raise a members' enquiry");
        caseworker.getByLabel("Who is the enquiry for?").selectOption(new SelectOption().setLabel("Housing & Regeneration (10 working days)"));
        caseworker.getByLabel("Question for the directorate").fill("When will the damp at 12 Lansbury Court be treated?");
        Accessibility.assertNoViolations(caseworker);
        click(caseworker, AriaRole.BUTTON, "Send enquiry");
        String enquiry = caseworker.locator("h1").textContent().replace("Members' enquiry ", "").strip();
        outbox.deliverDue();
        awaitMail(HOUSING, "Members' enquiry " + enquiry + " (case " + caseReference + ")");

        // 4. Nothing comes back: the chaser goes out on the due date and again when it is overdue.
        LocalDate due = jdbc.queryForObject("select due_on from members_enquiry where reference = ?", LocalDate.class, enquiry);
        LocalDate overdue = calendar.addWorkingDays(due, 3);
        org.assertj.core.api.Assertions.assertThat(chaser.runDue(due)).isPositive();
        org.assertj.core.api.Assertions.assertThat(chaser.runDue(overdue)).isPositive();
        org.assertj.core.api.Assertions.assertThat(chaser.runDue(overdue)).as("never twice on one day").isZero();
        outbox.deliverDue();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForList(
                "select kind from enquiry_chase c join members_enquiry e on e.id = c.enquiry_id where e.reference = ? order by chase_date",
                String.class, enquiry)).containsExactly("DUE", "OVERDUE");
        long toHousing = 0;
        for (int i = 0; i < 50 && toHousing < 3; i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            toHousing = TestMail.receivedBy(HOUSING).stream()
                    .filter(m -> { try { return m.getSubject().contains(enquiry); } catch (Exception e) { return false; } })
                    .count();
        }
        org.assertj.core.api.Assertions.assertThat(toHousing).as("the enquiry and two chasers").isEqualTo(3);

        // 5. The directorate answers; the caseworker records the response.
        caseworker.navigate("/cases/" + caseId + "/enquiries");
        click(caseworker, AriaRole.LINK, enquiry);
        click(caseworker, AriaRole.BUTTON, "Record the response");
        caseworker.getByLabel("The directorate's response").fill("A damp survey is booked for Monday and treatment will follow.");
        click(caseworker, AriaRole.BUTTON, "Record response");
        assertThat(caseworker.locator("main")).containsText("A damp survey is booked for Monday");
        Accessibility.assertNoViolations(caseworker);

        // 6. The caseworker drafts the reply from a template and submits it to the Mayor.
        caseworker.navigate("/cases/" + caseId);
        click(caseworker, AriaRole.BUTTON, "Draft a response");
        caseworker.getByLabel("Start from").selectOption(new SelectOption().setLabel("Acknowledgement"));
        caseworker.getByLabel("Farida Begum").check();
        click(caseworker, AriaRole.BUTTON, "Continue");
        assertThat(caseworker.getByLabel("Text of the response")).hasValue(java.util.regex.Pattern.compile(
                ".*Aisha Rahman.*" + caseReference + ".*", java.util.regex.Pattern.DOTALL));
        click(caseworker, AriaRole.BUTTON, "Save draft");
        click(caseworker, AriaRole.BUTTON, "Submit for approval");
        assertThat(caseworker.locator(".govuk-notification-banner")).containsText("submitted for approval to Aisha Rahman");
        String draftUrl = caseworker.url();
        caseworker.context().close();

        // 7. The Mayor returns it with a comment from her Approvals queue.
        Page mayor = browser.signIn("mayor");
        assertThat(mayor.locator("main")).containsText("Approvals");
        mayor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseReference)).first().click();
        assertThat(mayor.locator("main")).containsText(subject);
        mayor.getByLabel("Your comments").fill("Please say that I have asked Housing to keep me updated.");
        click(mayor, AriaRole.BUTTON, "Return with comments");
        assertThat(mayor.locator(".govuk-notification-banner")).containsText("returned to Amira Khan");
        mayor.context().close();

        // 8. The caseworker revises and resubmits.
        caseworker = browser.signIn("caseworker");
        caseworker.navigate(draftUrl);
        assertThat(caseworker.locator("main")).containsText("Please say that I have asked Housing to keep me updated.");
        click(caseworker, AriaRole.BUTTON, "Edit the draft");
        Locator text = caseworker.getByLabel("Text of the response");
        text.fill(text.inputValue() + "\n\nI have asked Housing to keep me updated on the treatment of your flat.");
        click(caseworker, AriaRole.BUTTON, "Save draft");
        click(caseworker, AriaRole.BUTTON, "Resubmit for approval");
        caseworker.context().close();

        // 9. The Mayor approves it.
        mayor = browser.signIn("mayor");
        mayor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseReference)).first().click();
        assertThat(mayor.locator("main")).containsText("I have asked Housing to keep me updated");
        click(mayor, AriaRole.BUTTON, "Approve");
        assertThat(mayor.locator(".govuk-notification-banner")).containsText("approved");
        Accessibility.assertNoViolations(mayor);
        mayor.context().close();

        // 10. The caseworker sends it: a PDF letter on letterhead and an email to the resident.
        caseworker = browser.signIn("caseworker");
        caseworker.navigate(draftUrl);
        click(caseworker, AriaRole.BUTTON, "Send the response");
        assertThat(caseworker.getByLabel("Letter: print and post")).isChecked();
        click(caseworker, AriaRole.BUTTON, "Send the response");
        assertThat(caseworker.locator(".govuk-notification-banner")).containsText("Response sent by email");
        String pdfHref = caseworker.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the letter as sent (PDF)"))
                .getAttribute("href");
        APIResponse pdf = caseworker.request().get(pdfHref);
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String letter = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            org.assertj.core.api.Assertions.assertThat(letter).contains("Farida Begum").contains(caseReference)
                    .contains("Aisha Rahman").contains("I have asked Housing to keep me updated");
        }
        outbox.deliverDue();
        MimeMessage reply = awaitMail(resident, caseReference);
        org.assertj.core.api.Assertions.assertThat(((Multipart) reply.getContent()).getCount()).as("text and PDF").isEqualTo(2);

        // 11. The case shows Response sent and the whole story on its timeline.
        caseworker.navigate("/cases/" + caseId);
        assertThat(caseworker.locator("main")).containsText("Response sent");
        Locator timeline = caseworker.locator(".app-timeline");
        for (String entry : List.of("Email from Farida Begum", "Allocated to Amira Khan", "Members' enquiry " + enquiry,
                "A damp survey is booked for Monday", "Please say that I have asked Housing to keep me updated.",
                "Response sent to Farida Begum")) {
            assertThat(timeline).containsText(entry);
        }
        browser.screenshot(caseworker, "resident-reply-journey-response-sent");
        Accessibility.assertNoViolations(caseworker);
        caseworker.context().close();
    }
}
