package org.mayorsoffice.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Every upload route refuses hostile files with a clear message and stores nothing: empty files, a type that the
 * content contradicts (magic bytes, not the name), double extensions, names with a path or an RTL override,
 * files over the service's limit and bodies over the container's multipart limit. Case attachments are covered
 * in detail by {@code cases.AttachmentTest}; here the correspondence log, briefing files and enquiry responses.
 */
class UploadSafetyTest extends WebTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    static final byte[] SCRIPT = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Value("${local.server.port}")
    int port;

    /** A hostile file and (part of) the message the user must see. */
    record Hostile(MockMultipartFile file, String message) {}

    private static List<Hostile> hostileFiles(String field) {
        return List.of(
                new Hostile(new MockMultipartFile(field, "letter.pdf", "application/pdf", new byte[0]), "is empty"),
                new Hostile(new MockMultipartFile(field, "letter.pdf", "application/pdf", EXE), "must be"),
                new Hostile(new MockMultipartFile(field, "letter.pdf.exe", "application/pdf", PDF), "must be"),
                new Hostile(new MockMultipartFile(field, "notes.txt", "text/plain", EXE), "must be"),
                new Hostile(new MockMultipartFile(field, "\u202Efdp.exe", "application/pdf", EXE), "must be"),
                new Hostile(new MockMultipartFile(field, "../../etc/passwd", "text/plain", SCRIPT), "must be"),
                new Hostile(new MockMultipartFile(field, "big.pdf", "application/pdf",
                        Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1)), "smaller than 10MB"));
    }

    @Test
    void theCorrespondenceLogRefusesHostileFilesAndLogsNothing() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Hostile hostile : hostileFiles("files")) {
            String subject = "Upload safety " + UUID.randomUUID();
            LocalDate today = LocalDate.now();
            MockHttpServletResponse response = mvc.perform(multipart("/correspondence").file(hostile.file())
                            .param("direction", "IN").param("channel", "EMAIL").param("senderName", "Upload Tester")
                            .param("occurredOnDay", String.valueOf(today.getDayOfMonth()))
                            .param("occurredOnMonth", String.valueOf(today.getMonthValue()))
                            .param("occurredOnYear", String.valueOf(today.getYear()))
                            .param("subject", subject).with(user(accounts.loadUserByUsername("head"))).with(csrf()))
                    .andReturn().getResponse();
            String what = hostile.file().getOriginalFilename() + " (" + hostile.file().getSize() + " bytes)";
            expectRefusal(wrong, what, response, hostile.message());
            if (jdbc.queryForObject("select count(*) from correspondence_item where subject = ?", Long.class, subject) != 0) {
                wrong.add(what + ": the item was logged");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPathOrControlCharactersInAGoodFilesNameAreDroppedBeforeItIsKept() throws Exception {
        String subject = "Upload safety " + UUID.randomUUID();
        LocalDate today = LocalDate.now();
        mvc.perform(multipart("/correspondence")
                        .file(new MockMultipartFile("files", "../../../etc/cron.d/letter.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "..\\..\\Windows\\notes.txt", "text/plain",
                                "Notes".getBytes(StandardCharsets.UTF_8)))
                        .param("direction", "IN").param("channel", "EMAIL").param("senderName", "Upload Tester")
                        .param("occurredOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("occurredOnMonth", String.valueOf(today.getMonthValue()))
                        .param("occurredOnYear", String.valueOf(today.getYear()))
                        .param("subject", subject).with(user(accounts.loadUserByUsername("head"))).with(csrf()))
                .andReturn();
        assertThat(jdbc.queryForList("select a.file_name from correspondence_attachment a join correspondence_item i"
                + " on i.id = a.item_id where i.subject = ? order by a.id", String.class, subject))
                .containsExactly("letter.pdf", "notes.txt");
    }

    @Test
    void briefingFilesRefuseHostileFilesAndKeepNothing() throws Exception {
        long briefing = jdbc.queryForObject("select min(id) from briefing", Long.class);
        long before = briefingFiles(briefing);
        List<String> wrong = new ArrayList<>();
        for (Hostile hostile : hostileFiles("file")) {
            var result = mvc.perform(multipart("/briefings/{id}/files", briefing).file(hostile.file())
                    .with(user(accounts.loadUserByUsername("head"))).with(csrf())).andReturn();
            Object message = result.getFlashMap().get("fileError");
            String what = hostile.file().getOriginalFilename();
            if (result.getResponse().getStatus() != 302 || message == null
                    || !message.toString().contains(hostile.message())) {
                wrong.add(what + ": " + result.getResponse().getStatus() + " " + message);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(briefingFiles(briefing)).isEqualTo(before);
    }

    @Test
    void anEnquiryResponseWithAHostileFileIsNotRecorded() throws Exception {
        long enquiry = openEnquiry();
        List<String> wrong = new ArrayList<>();
        for (Hostile hostile : hostileFiles("files")) {
            LocalDate today = LocalDate.now();
            MockMultipartHttpServletRequestBuilder request = multipart("/enquiries/{id}/response", enquiry);
            MockHttpServletResponse response = mvc.perform(request.file(hostile.file())
                            .param("response", "The repair is booked.")
                            .param("respondedOnDay", String.valueOf(today.getDayOfMonth()))
                            .param("respondedOnMonth", String.valueOf(today.getMonthValue()))
                            .param("respondedOnYear", String.valueOf(today.getYear()))
                            .with(user(accounts.loadUserByUsername("head"))).with(csrf()))
                    .andReturn().getResponse();
            expectRefusal(wrong, hostile.file().getOriginalFilename(), response, hostile.message());
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.queryForObject("select status from members_enquiry where id = ?", String.class, enquiry))
                .isEqualTo("OPEN");
    }

    @Test
    void bodiesOverTheContainersLimitGetAClearAnswerOnEveryUploadRoute() throws Exception {
        HttpVisitor head = HttpVisitor.signedIn(port, "head");
        long briefing = jdbc.queryForObject("select min(id) from briefing", Long.class);
        long before = briefingFiles(briefing);
        long enquiry = openEnquiry();
        long caseId = jdbc.queryForObject("select min(id) from casework_case where confidentiality = 'STANDARD'", Long.class);
        long attachments = jdbc.queryForObject("select count(*) from case_attachment where case_id = ?", Long.class, caseId);
        byte[] tooBig = new byte[21 * 1024 * 1024]; // over spring.servlet.multipart.max-file-size (20MB)

        HttpResponse<String> briefingUpload = head.postMultipart("/briefings/" + briefing + "/files", Map.of(), "file",
                "big.pdf", tooBig);
        assertThat(briefingUpload.statusCode()).isEqualTo(413);
        assertThat(briefingUpload.body()).contains("The file is too big").contains("govuk-heading-l");
        HttpResponse<String> enquiryUpload = head.postMultipart("/enquiries/" + enquiry + "/response",
                Map.of("response", "Answer"), "files", "big.pdf", tooBig);
        assertThat(enquiryUpload.statusCode()).isEqualTo(413);
        HttpResponse<String> caseUpload = head.postMultipart("/cases/" + caseId + "/attachments", Map.of(), "file",
                "big.pdf", tooBig);
        assertThat(caseUpload.statusCode()).isEqualTo(302);
        assertThat(caseUpload.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + caseId + "/attachments/new");

        assertThat(briefingFiles(briefing)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select status from members_enquiry where id = ?", String.class, enquiry))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from case_attachment where case_id = ?", Long.class, caseId))
                .isEqualTo(attachments);
    }

    private static void expectRefusal(List<String> wrong, String what, MockHttpServletResponse response, String message)
            throws Exception {
        String html = response.getContentAsString();
        if (response.getStatus() != 200 || !html.contains("govuk-error-summary") || !html.contains(message)) {
            wrong.add(what + ": " + response.getStatus() + (html.contains("govuk-error-summary")
                    ? " error summary without \"" + message + "\"" : " no error summary"));
        }
    }

    private long briefingFiles(long briefing) {
        return jdbc.queryForObject("select count(*) from briefing_file where briefing_id = ?", Long.class, briefing);
    }

    private long openEnquiry() {
        long caseId = jdbc.queryForObject("select min(id) from casework_case where confidentiality = 'STANDARD'", Long.class);
        return jdbc.queryForObject("insert into members_enquiry (reference, case_id, directorate_id, recipient, to_address,"
                + " question, target_days, raised_on, due_on, raised_by) values (?, ?, (select min(id) from directorate),"
                + " 'Housing', 'housing@council.example.org', 'Upload safety', 10, current_date, current_date + 10, 'test')"
                + " returning id", Long.class, "ME-2094-" + (10_000 + (int) (Math.random() * 89_999)), caseId);
    }
}
