package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.mayorsoffice.casework.support.browser.BrowserSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The media journey in headless Chromium: a cabinet support officer logs a media request due in 3 hours, drafts
 * a quote and sends it for approval; the cabinet member approves it from their Approvals queue; the officer
 * records it as sent. Then a question for next month's council meeting is answered and approved, coverage is
 * logged, and a new case sends the resident an acknowledgement. Every page passes the axe WCAG 2.2 AA check.
 */
class MediaJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeAll
    void memberSignsInAsThemself() {
        // Tomasz Nowak, Cabinet Member for Environment & Climate, signs in as himself.
        if (jdbc.queryForObject("select count(*) from app_user where username = 'tnowak'", Long.class) == 0) {
            long id = jdbc.queryForObject("insert into app_user (username, display_name, email, password_hash, member_id)"
                    + " values ('tnowak', 'Tomasz Nowak', 'tomasz.nowak@council.example.org', ?,"
                    + " (select id from member where full_name = 'Tomasz Nowak')) returning id",
                    Long.class, passwordEncoder.encode(BrowserSession.DEMO_PASSWORD));
            jdbc.update("insert into user_role (user_id, role) values (?, 'MEMBER')", id);
        }
    }

    private String nowakMemberId() {
        return String.valueOf(jdbc.queryForObject("select id from member where full_name = 'Tomasz Nowak'", Long.class));
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void mediaRequestDraftedApprovedAndSent() {
        Page page = browser.signIn("support");
        page.navigate("/media");
        assertThat(page.locator("h1")).hasText("Media");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, named("Log a media request")).click();
        assertThat(page.locator("h1")).hasText("Log a media request");
        Accessibility.assertNoViolations(page);

        // A mistake first: the answer keeps what was typed.
        page.getByLabel("What it is about").fill("Fly-tipping in Victoria Park");
        page.getByLabel("Due in how many hours?").fill("three");
        page.getByRole(AriaRole.BUTTON, named("Log the request")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Hours must be a whole number from 1 to 168");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the journalist's name");
        assertThat(page.getByLabel("What it is about")).hasValue("Fly-tipping in Victoria Park");
        Accessibility.assertNoViolations(page);

        page.getByLabel("Journalist", new Page.GetByLabelOptions().setExact(true)).fill("Jo Reporter");
        page.getByLabel("Email address of the journalist (optional)").fill("jo.reporter@standard.example");
        page.getByLabel("Outlet").fill("Evening Standard");
        page.getByLabel("Question from the journalist").fill("What is the council doing about fly-tipping in Victoria Park?");
        page.getByLabel("Due in how many hours?").fill("3");
        page.getByLabel("Member concerned").selectOption(nowakMemberId());
        page.getByRole(AriaRole.BUTTON, named("Log the request")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("logged");
        assertThat(page.locator("main")).containsText(Pattern.compile("(2 hours 59 minutes|3 hours) left"));
        Accessibility.assertNoViolations(page);
        String requestUrl = page.url();
        String reference = page.locator(".govuk-caption-l").innerText().split(" ")[0];

        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))
                .fill("\"Fly-tipping is a crime and we will prosecute,\" said Cllr Tomasz Nowak.");
        page.getByRole(AriaRole.BUTTON, named("Send for approval")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Sent for approval to Tomasz Nowak");
        assertThat(page.locator("main")).containsText("Awaiting approval");
        Accessibility.assertNoViolations(page);
        page.navigate("/media");
        assertThat(page.locator("main")).containsText(reference);
        page.context().close();

        // The cabinet member approves it from their Approvals queue.
        Page member = browser.signIn("tnowak");
        member.navigate("/approvals");
        Accessibility.assertNoViolations(member);
        member.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).first().click();
        assertThat(member.locator("h1")).hasText("Statement for Evening Standard");
        assertThat(member.locator("main")).containsText("What is the council doing about fly-tipping in Victoria Park?");
        Accessibility.assertNoViolations(member);
        member.getByRole(AriaRole.BUTTON, named("Approve")).click();
        assertThat(member.locator(".govuk-notification-banner")).containsText("approved");
        member.context().close();

        // The support officer records it as sent.
        page = browser.signIn("support");
        page.navigate(requestUrl);
        assertThat(page.locator("main")).containsText("Approved by Tomasz Nowak");
        page.getByRole(AriaRole.BUTTON, named("Record as sent")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Recorded as sent");
        assertThat(page.locator("main")).containsText("Sent by Grace Obi");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "media-sent");

        // Media monitoring.
        page.navigate("/media/coverage/new");
        Accessibility.assertNoViolations(page);
        page.getByLabel("Outlet").fill("East London Advertiser");
        page.getByLabel("Headline").fill("Council vows to tackle fly-tipping");
        page.getByLabel("Positive").check();
        page.getByLabel("Portfolio (optional)").selectOption(new SelectOption().setLabel("Environment & Climate"));
        page.getByRole(AriaRole.BUTTON, named("Log coverage")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Coverage logged");
        assertThat(page.locator("main")).containsText("Council vows to tackle fly-tipping");
        Accessibility.assertNoViolations(page);
        page.navigate("/media/new?kind=PRESS_RELEASE");
        Accessibility.assertNoViolations(page);
        page.context().close();

        assertThat(jdbc.queryForObject("select status from media_request where id = ?", String.class,
                Long.parseLong(reference.substring("MEDIA-".length())))).isEqualTo("SENT");
    }

    @Test
    void aQuestionForNextMonthsCouncilIsAnsweredAndApproved() {
        LocalDate meeting = LocalDate.now().plusMonths(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY));
        Page page = browser.signIn("support");
        page.navigate("/questions");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, named("Record a question")).click();
        Accessibility.assertNoViolations(page);
        page.getByLabel("Full council").check();
        page.getByLabel("Day").fill(String.valueOf(meeting.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(meeting.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(meeting.getYear()));
        page.getByLabel("A councillor").check();
        page.getByLabel("Name of who asked").fill("Cllr Ahmed");
        page.getByLabel("Member who must answer").selectOption(nowakMemberId());
        page.getByLabel("The question").fill("How many fly-tipping fines were issued this year?");
        page.getByRole(AriaRole.BUTTON, named("Record the question")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("The answer is due");
        Accessibility.assertNoViolations(page);
        String questionUrl = page.url();
        page.getByLabel("Draft answer").fill("412 fixed penalty notices were issued.");
        page.getByRole(AriaRole.BUTTON, named("Send for approval")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Answer sent for approval to Tomasz Nowak");
        page.context().close();

        Page member = browser.signIn("tnowak");
        member.navigate("/approvals");
        member.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Q-\\d+"))).first().click();
        assertThat(member.locator("main")).containsText("How many fly-tipping fines were issued this year?");
        Accessibility.assertNoViolations(member);
        member.getByRole(AriaRole.BUTTON, named("Approve")).click();
        assertThat(member.locator(".govuk-notification-banner")).containsText("approved");
        member.context().close();

        page = browser.signIn("support");
        page.navigate(questionUrl);
        assertThat(page.locator("main")).containsText("Published as the written answer");
        assertThat(page.locator("main")).containsText("412 fixed penalty notices were issued.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the meeting")).click();
        assertThat(page.locator("main")).containsText("Answered");
        Accessibility.assertNoViolations(page);
        page.context().close();
    }

    @Test
    void aNewCaseSendsAnAcknowledgement() {
        String email = "ack-" + System.nanoTime() + "@example.org";
        long personId = jdbc.queryForObject("insert into person (kind, title, first_name, last_name, address_line1, town,"
                + " postcode, email, preferred_language, created_by) values ('RESIDENT', 'Mr', 'Idris', 'Acknowledged',"
                + " '3 Mile End Road', 'London', 'E1 4AA', ?, 'Bengali', 'test') returning id", Long.class, email);
        Page page = browser.signIn("caseworker");
        page.navigate("/cases/new?personId=" + personId);
        page.getByLabel("Type of case").selectOption(new SelectOption().setLabel("Mayor's casework"));
        page.getByLabel("How it came in").selectOption(new SelectOption().setLabel("Email"));
        page.getByLabel("Subject").fill("Broken street light on Mile End Road");
        page.getByLabel("Send the resident an acknowledgement").check();
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, named("Open case")).click();
        assertThat(page.locator("h1")).hasText("Send an acknowledgement");
        assertThat(page.locator("main")).containsText("prefers Bengali");
        assertThat(page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(Pattern.compile(".*Broken street light on Mile End Road.*", Pattern.DOTALL));
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, named("Send the acknowledgement")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Acknowledgement sent by email");
        assertThat(page.locator(".app-timeline")).containsText("Acknowledgement sent to Mr Idris Acknowledged by email");
        Accessibility.assertNoViolations(page);
        page.context().close();
        assertThat(jdbc.queryForObject("select count(*) from outbox_email where to_address = ?", Long.class, email)).isEqualTo(1);
    }
}
