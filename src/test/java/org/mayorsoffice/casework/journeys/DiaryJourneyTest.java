package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.diary.internal.DiaryQueries;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cabinet support officer's diary journey in headless Chromium: log an invitation, accept it, book the
 * room, commission a briefing, mark it ready and download the meeting pack; the Mayor sees it in "My week"
 * and in her calendar feed; moving the engagement notifies her. Every page passes the axe WCAG 2.2 AA check.
 */
class DiaryJourneyTest extends BrowserTest {

    @Autowired
    DiaryQueries queries;

    @Test
    void supportOfficerTakesAnInvitationToAMeetingPackAndTheMayorIsKeptInformed() throws Exception {
        String title = "Visit to the Chrisp Street market traders " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = queries.today().plusDays(2);

        Page page = browser.signIn("support");
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("invitations").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Invitations: replies due");
        Accessibility.assertNoViolations(page);

        // Log the invitation; a first try without details explains what is missing.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log an invitation")).click();
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log invitation")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select who is invited");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the date of the engagement");
        Accessibility.assertNoViolations(page);
        page.getByLabel("Who is invited").selectOption(new SelectOption().setLabel("Aisha Rahman (Mayor)"));
        page.getByLabel("Who it is from").fill("Chrisp Street Traders' Association");
        page.getByLabel("What it is").fill(title);
        page.getByLabel("Type").selectOption(new SelectOption().setLabel("Visit"));
        page.locator("#date").fill(String.valueOf(day.getDayOfMonth()));
        page.locator("#date-month").fill(String.valueOf(day.getMonthValue()));
        page.locator("#date-year").fill(String.valueOf(day.getYear()));
        page.getByLabel("Start time").fill("7:15am");
        page.getByLabel("End time").fill("07:45");
        page.getByLabel("Where (optional)").fill("Chrisp Street Market");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log invitation")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Invitation logged");
        assertThat(page.locator("h1")).hasText(title);
        Accessibility.assertNoViolations(page);

        // Accept it, by keyboard.
        page.getByLabel("Accept: add it to the diary as confirmed").focus();
        page.keyboard().press("Space");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Invitation accepted and added to Aisha Rahman's diary");
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("main")).containsText("Confirmed");
        Accessibility.assertNoViolations(page);
        String engagementUrl = page.url();

        // Book the room.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a requirement")).click();
        Accessibility.assertNoViolations(page);
        page.getByLabel("Room booking").check();
        page.getByLabel("Details").fill("Market office meeting room booked with the market manager");
        page.getByLabel("Yes").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add requirement")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Room booking added");
        assertThat(page.locator("main")).containsText("Market office meeting room booked with the market manager");
        assertThat(page.locator("main")).containsText("Arranged");
        Accessibility.assertNoViolations(page);

        // Commission a briefing: the due date is already filled in.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Commission a briefing")).click();
        Accessibility.assertNoViolations(page);
        assertThat(page.locator("#dueOn")).not().hasValue("");
        page.getByLabel("Briefing note").check();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Chrisp Street: traders' concerns about the regeneration");
        page.getByLabel("Who will write it").selectOption(new SelectOption().setLabel("Grace Obi"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Commission briefing")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Briefing commissioned");
        Accessibility.assertNoViolations(page);

        // Write it and mark it ready.
        page.getByLabel("Text of the briefing (optional)").fill("Traders worry about footfall during the works.\nThe council offers a rent holiday.");
        page.getByLabel("Ready", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save briefing")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Briefing saved: Ready");
        Accessibility.assertNoViolations(page);

        // Download the meeting pack.
        page.navigate(engagementUrl);
        assertThat(page.locator("main")).containsText("Ready");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download the meeting pack (PDF)")).click());
        byte[] pdf = Files.readAllBytes(download.path());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Visit to the Chrisp Street market traders");
            assertThat(text).contains("Chrisp Street: traders' concerns about the regeneration");
            assertThat(text).contains("The council offers a rent holiday.");
        }
        browser.screenshot(page, "diary-engagement");

        // The Mayor sees it in My week, with its briefing ready, and subscribes to her calendar.
        Page mayor = browser.signIn("mayor");
        assertThat(mayor.locator("main")).containsText("My week");
        assertThat(mayor.locator("main")).containsText(title);
        assertThat(mayor.locator("main")).containsText("1 of 1 briefing ready");
        Accessibility.assertNoViolations(mayor);
        mayor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My full diary")).click();
        assertThat(mayor.locator("h1")).containsText("Aisha Rahman's diary");
        Accessibility.assertNoViolations(mayor);
        mayor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Calendar subscription")).click();
        Accessibility.assertNoViolations(mayor);
        mayor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a subscription address")).click();
        Accessibility.assertNoViolations(mayor);
        String feedUrl = mayor.locator("#feed-url").textContent().strip();
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                feedUrl.replace("http://localhost:8080", "http://localhost:" + port))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        new CalendarBuilder().build(new StringReader(feed.body())).validate();
        assertThat(feed.body()).contains("Visit to the Chrisp Street market traders");

        // The support officer moves it; the Mayor is told what changed.
        page.navigate(engagementUrl);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change or move")).click();
        Accessibility.assertNoViolations(page);
        page.getByLabel("Start time").fill("08:15");
        page.getByLabel("End time").fill("08:45");
        page.getByLabel("End time").press("Enter");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Changes saved");
        assertThat(page.locator("main")).containsText("08:15 to 08:45");
        Accessibility.assertNoViolations(page);

        mayor.navigate("/notifications");
        assertThat(mayor.locator("main")).containsText("Moved: " + title);
        assertThat(mayor.locator("main")).containsText("08:15 to 08:45 (was");
        Accessibility.assertNoViolations(mayor);
        page.context().close();
        mayor.context().close();
    }

    @Test
    void officeWeekBriefingsDueAndSurgeryPagesAreAccessible() {
        Page page = browser.signIn("support");
        for (String path : new String[] {"/diary", "/briefings/due", "/surgeries", "/stakeholders", "/diary/actions/mine",
                "/invitations?show=decided", "/surgeries/new", "/diary/engagements/new", "/briefings/new"}) {
            page.navigate(path);
            assertThat(page.locator("h1")).isVisible();
            Accessibility.assertNoViolations(page);
        }
        page.navigate("/surgeries");
        page.locator("main table a").first().click();
        Accessibility.assertNoViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book an appointment")).click();
        Accessibility.assertNoViolations(page);
        page.navigate("/diary");
        page.locator("main table th a").first().click();
        Accessibility.assertNoViolations(page);
        page.navigate(page.url() + "&view=list");
        Accessibility.assertNoViolations(page);
        page.context().close();

        Page caseworker = browser.signIn("caseworker");
        caseworker.navigate("/diary");
        Accessibility.assertNoViolations(caseworker);
        caseworker.context().close();
    }
}
