package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.mayorsoffice.casework.support.browser.BrowserSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attachment journey in headless Chromium: a caseworker opens a case, is told what is wrong when
 * they submit without a file or with one over the server's upload limit, attaches a letter, sees it
 * on the case page and downloads it unchanged. Every page passes the axe WCAG 2.2 AA check.
 */
class AttachmentJourneyTest extends BrowserTest {

    static final String DEMO_PASSWORD = BrowserSession.DEMO_PASSWORD;

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    CaseService cases;

    @Autowired
    UserAccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void caseworkerAttachesALetterAndDownloadsIt() throws IOException {
        String subject = "Repairs letter not answered " + UUID.randomUUID().toString().substring(0, 6);
        long personId = jdbc.queryForObject("insert into person (kind, first_name, last_name, postcode, created_by)"
                + " values ('RESIDENT', 'Nasima', 'Journey', 'E1 6AN', 'test') returning id", Long.class);
        long caseId = cases.open(new OpenCase(jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class),
                Channel.LETTER, subject, "The resident sent a copy of the landlord's letter.", null, null, null, null, Priority.NORMAL,
                Confidentiality.STANDARD, LawfulBasis.PUBLIC_TASK, false, LocalDate.now(), List.of(personId)),
                accounts.loadUserByUsername("caseworker"));

        Page page = signIn("caseworker");
        page.navigate("/cases/" + caseId);
        assertThat(page.locator("h1")).hasText(subject);
        Accessibility.assertNoViolations(page); // no attachments yet

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add an attachment")).click();
        assertThat(page.locator("h1")).hasText("Add an attachment");
        assertThat(page.getByLabel("Upload a file")).hasAttribute("type", "file");
        Accessibility.assertNoViolations(page); // empty

        // Nothing chosen.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add attachment")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select a file");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: Add an attachment"));
        Accessibility.assertNoViolations(page); // with an error
        browser.screenshot(page, "attachment-error");

        // Over the server's multipart limits (20MB a file, 25MB a request): refused before the
        // application sees the file, and still explained on the upload page. The browser reads the file from disk
        // (a payload of bytes would go through Playwright's driver as base64: half a minute for these two).
        for (int megabytes : new int[] {21, 40}) {
            Path huge = Files.createTempFile("huge", ".pdf");
            huge.toFile().deleteOnExit();
            try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
                file.write(PDF);
                file.setLength(megabytes * 1024L * 1024L);
            }
            page.getByLabel("Upload a file").setInputFiles(huge);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add attachment")).click();
            assertThat(page.locator(".govuk-error-summary")).containsText("The selected file must be smaller than 10MB");
            assertThat(page.locator("#file-error")).containsText("The selected file must be smaller than 10MB");
            assertThat(page.locator("h1")).hasText("Add an attachment");
        }
        Accessibility.assertNoViolations(page);

        // A real letter.
        page.getByLabel("Upload a file").setInputFiles(new FilePayload("Zoë's landlord letter.pdf", "application/pdf", PDF));
        page.getByLabel("Description (optional)").fill("Letter from the landlord dated 3 March");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add attachment")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Attachment added: Zoës landlord letter.pdf");
        assertThat(page.locator("h1")).hasText(subject);
        assertThat(page.locator("main")).containsText("Letter from the landlord dated 3 March");
        assertThat(page.locator(".app-timeline")).containsText("Attachment added: Zoës landlord letter.pdf");
        browser.screenshot(page, "attachment-listed");
        Accessibility.assertNoViolations(page); // the case page with an attachment

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Zoës landlord letter.pdf")).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("Zoës landlord letter.pdf");
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from case_attachment where case_id = ?", Integer.class, caseId)).isEqualTo(1);
        page.context().close();
    }

    private Page signIn(String username) {
        return browser.signIn(username);
    }
}
