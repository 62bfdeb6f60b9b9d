package org.mayorsoffice.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.identity.internal.UserAdminService;
import org.mayorsoffice.casework.identity.internal.UserViews.NewUser;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Attaching files to cases and downloading them, through the real application and database. */
class AttachmentTest extends WebTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
            + "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            + "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e221bc330000000049454e44ae426082");
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    static final String WRONG_TYPE = "The selected file must be a PDF, Word, Excel, PowerPoint, image, RTF, CSV, text or email file";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    UserAdminService userAdmin;

    private RequestPostProcessor signedIn(String username) {
        CurrentUser principal = accounts.loadUserByUsername(username);
        return user(principal);
    }

    private long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private long aPerson() {
        return jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values ('RESIDENT', 'Test',"
                + " ?, 'test') returning id", Long.class, "Resident-" + UUID.randomUUID().toString().substring(0, 6));
    }

    private long openCase(String as, String confidentiality) throws Exception {
        LocalDate received = LocalDate.now();
        long person = aPerson();
        MvcResult result = mvc.perform(post("/cases").with(signedIn(as)).with(csrf())
                        .param("personId", String.valueOf(person))
                        .param("caseTypeId", jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", String.class))
                        .param("channel", "EMAIL")
                        .param("receivedOnDay", String.valueOf(received.getDayOfMonth()))
                        .param("receivedOnMonth", String.valueOf(received.getMonthValue()))
                        .param("receivedOnYear", String.valueOf(received.getYear()))
                        .param("subject", "Damp in bedroom not repaired")
                        .param("priority", "NORMAL").param("confidentiality", confidentiality)
                        .param("lawfulBasis", "PUBLIC_TASK").param("specialCategory", "false"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/cases/*"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions upload(String as, long caseId, String fileName, String browserType, byte[] content) throws Exception {
        return mvc.perform(multipart("/cases/{id}/attachments", caseId)
                .file(new MockMultipartFile("file", fileName, browserType, content))
                .param("description", "From the resident")
                .with(signedIn(as)).with(csrf()));
    }

    private long attachmentCount(long caseId) {
        return jdbc.queryForObject("select count(*) from case_attachment where case_id = ?", Long.class, caseId);
    }

    private long attachmentId(long caseId, String fileName) {
        return jdbc.queryForObject("select id from case_attachment where case_id = ? and file_name = ?", Long.class, caseId, fileName);
    }

    private long audits(String action, long caseId, String actor) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and subject_type = 'case' and subject_id = ?"
                + " and actor = ?", Long.class, action, String.valueOf(caseId), actor);
    }

    private String aSecondCaseworker() {
        String other = "cw." + UUID.randomUUID().toString().substring(0, 6);
        userAdmin.create(new NewUser(other, "Second Caseworker", null, EnumSet.of(Role.CASEWORKER), null,
                "Blue-Lantern-River"), "test");
        jdbc.update("update app_user set must_change_password = false where username = ?", other);
        return other;
    }

    @Test
    void aPdfAndAPngGoOnTheCaseAndComeBackUnchanged() throws Exception {
        long id = openCase("caseworker", "STANDARD");
        mvc.perform(get("/cases/{id}/attachments/new", id).with(signedIn("caseworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"govuk-file-upload\"")))
                .andExpect(content().string(containsString("smaller than 10MB")));

        upload("caseworker", id, "Housing letter.pdf", "application/octet-stream", PDF)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cases/" + id))
                .andExpect(flash().attribute("success", "Attachment added: Housing letter.pdf"));
        // The browser claims a PDF; the content is a PNG, and the name says so: stored as what it is.
        upload("caseworker", id, "Zoë's photo.png", "application/pdf", PNG)
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", "Attachment added: Zoës photo.png"));

        long pdfId = attachmentId(id, "Housing letter.pdf");
        assertThat(jdbc.queryForMap("select content_type, size_bytes, sha256, uploaded_by, description from case_attachment where id = ?", pdfId))
                .containsEntry("content_type", "application/pdf")
                .containsEntry("size_bytes", (long) PDF.length)
                .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)))
                .containsEntry("uploaded_by", "caseworker")
                .containsEntry("description", "From the resident");
        assertThat(jdbc.queryForObject("select content_type from case_attachment where id = ?", String.class,
                attachmentId(id, "Zoës photo.png"))).isEqualTo("image/png");
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'ATTACHMENT'"
                + " and body = 'Attachment added: Housing letter.pdf'", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.attachment-added' and subject_id = ?"
                + " and field = 'fileName' and new_value = 'Housing letter.pdf'", Integer.class, String.valueOf(id))).isEqualTo(1);

        mvc.perform(get("/cases/{id}", id).with(signedIn("caseworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Housing letter.pdf"), containsString("href=\"/attachments/" + pdfId + "\""),
                        containsString("PDF, 1 KB"), containsString("Added by Amira Khan"), containsString("Add an attachment"),
                        containsString("Attachment added: Housing letter.pdf"))));

        MockHttpServletResponse pdf = mvc.perform(get("/attachments/{id}", pdfId).with(signedIn("caseworker")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"Housing letter.pdf\"; filename*=UTF-8''Housing%20letter.pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", allOf(containsString("no-store"), containsString("private"))))
                .andReturn().getResponse();
        assertThat(pdf.getContentAsByteArray()).isEqualTo(PDF);

        MockHttpServletResponse png = mvc.perform(get("/attachments/{id}", attachmentId(id, "Zoës photo.png")).with(signedIn("coordinator")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"Zoes photo.png\"; filename*=UTF-8''Zo%C3%ABs%20photo.png"))
                .andReturn().getResponse();
        assertThat(png.getContentAsByteArray()).isEqualTo(PNG);
        assertThat(audits("case.attachment-downloaded", id, "coordinator")).isZero(); // standard cases: not audited
    }

    @Test
    void refusedFilesAreExplainedAndNothingIsStored() throws Exception {
        long id = openCase("caseworker", "STANDARD");
        upload("caseworker", id, "", "application/octet-stream", new byte[0])
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select a file")));
        upload("caseworker", id, "letter.pdf", "application/pdf", new byte[0])
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("There is a problem"), containsString("href=\"#file\""),
                        containsString("The selected file is empty"), containsString("govuk-file-upload--error"),
                        containsString("From the resident"), containsString("<title>Error: Add an attachment"))));
        byte[] justOverTheLimit = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        upload("caseworker", id, "big.pdf", "application/pdf", justOverTheLimit)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The selected file must be smaller than 10MB")));
        upload("caseworker", id, "report.pdf", "application/pdf", PNG)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(WRONG_TYPE)));
        upload("caseworker", id, "invoice.pdf.exe", "application/pdf", PDF)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(WRONG_TYPE)));
        upload("caseworker", id, "setup.exe", "application/x-msdownload", EXE)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(WRONG_TYPE)));
        upload("caseworker", id, "setup.pdf", "application/pdf", EXE)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(WRONG_TYPE)));
        mvc.perform(multipart("/cases/{id}/attachments", id).file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .param("description", "x".repeat(501)).with(signedIn("caseworker")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Description must be 500 characters or fewer")));

        assertThat(attachmentCount(id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'ATTACHMENT'", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.attachment-added' and subject_id = ?",
                Integer.class, String.valueOf(id))).isZero();
    }

    @Test
    void aPathInTheNameIsDropped() throws Exception {
        long id = openCase("caseworker", "STANDARD");
        upload("caseworker", id, "../../etc/passwd.txt", "text/plain", "Notes from the call\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", "Attachment added: passwd.txt"));
        upload("caseworker", id, "..\\..\\Windows\\win.ini.txt", "text/plain", "[fonts]\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList("select file_name from case_attachment where case_id = ? order by id", String.class, id))
                .containsExactly("passwd.txt", "win.ini.txt");
        assertThat(jdbc.queryForObject("select content_type from case_attachment where case_id = ? and file_name = 'passwd.txt'",
                String.class, id)).isEqualTo("text/plain;charset=UTF-8");
    }

    @Test
    void attachmentsOfARestrictedCaseDoNotExistForAnotherCaseworker() throws Exception {
        long id = openCase("caseworker", "RESTRICTED");
        jdbc.update("update casework_case set allocated_to_id = ?, status = 'ALLOCATED' where id = ?", userId("caseworker"), id);
        upload("caseworker", id, "statement.pdf", "application/pdf", PDF).andExpect(status().isFound());
        long attachment = attachmentId(id, "statement.pdf");

        String other = aSecondCaseworker();
        mvc.perform(get("/attachments/{id}", attachment).with(signedIn(other)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("%PDF"))));
        assertThat(audits("case.access-refused", id, other)).isEqualTo(1);
        upload(other, id, "sneaky.pdf", "application/pdf", PDF).andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}/attachments/new", id).with(signedIn(other))).andExpect(status().isNotFound());
        assertThat(audits("case.access-refused", id, other)).isEqualTo(3);
        assertThat(attachmentCount(id)).isEqualTo(1);
        mvc.perform(get("/attachments/{id}", 999_999_999L).with(signedIn("caseworker"))).andExpect(status().isNotFound());

        // Those who may see the case download it, and every download from a restricted case is recorded.
        mvc.perform(get("/attachments/{id}", attachment).with(signedIn("caseworker"))).andExpect(status().isOk());
        mvc.perform(get("/attachments/{id}", attachment).with(signedIn("head"))).andExpect(status().isOk());
        assertThat(audits("case.attachment-downloaded", id, "caseworker")).isEqualTo(1);
        assertThat(audits("case.attachment-downloaded", id, "head")).isEqualTo(1);
    }

    @Test
    void aMemberDownloadsFromTheirCasesButDoesNotUpload() throws Exception {
        long id = openCase("caseworker", "SENSITIVE");
        upload("caseworker", id, "letter.pdf", "application/pdf", PDF).andExpect(status().isFound());
        long attachment = attachmentId(id, "letter.pdf");
        Long mayorMember = jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class);
        jdbc.update("update casework_case set member_id = ? where id = ?", mayorMember, id);

        mvc.perform(get("/cases/{id}", id).with(signedIn("mayor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("letter.pdf"), not(containsString("Add an attachment")))));
        mvc.perform(get("/attachments/{id}", attachment).with(signedIn("mayor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        assertThat(audits("case.attachment-downloaded", id, "mayor")).isEqualTo(1);
        mvc.perform(get("/cases/{id}/attachments/new", id).with(signedIn("mayor"))).andExpect(status().isForbidden());
        upload("mayor", id, "mine.pdf", "application/pdf", PDF).andExpect(status().isForbidden());
        assertThat(attachmentCount(id)).isEqualTo(1);

        // A member does not see a case handled for someone else, nor its attachments.
        jdbc.update("update casework_case set member_id = null where id = ?", id);
        mvc.perform(get("/attachments/{id}", attachment).with(signedIn("mayor"))).andExpect(status().isNotFound());
    }
}
