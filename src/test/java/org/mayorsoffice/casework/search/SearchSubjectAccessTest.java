package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Subject access requests: logged, due in a calendar month, answered with one ZIP, audited. */
class SearchSubjectAccessTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Test
    void aRequestIsLoggedAndAnsweredWithOneZipOfThePdfSummaryAndTheAttachments() throws Exception {
        String surname = "Okafor" + UUID.randomUUID().toString().substring(0, 6);
        long person = jdbc.queryForObject("insert into person (kind, first_name, last_name, email, created_by)"
                + " values ('RESIDENT', 'Grace', ?, 'grace@example.org', 'test') returning id", Long.class, surname);
        String reference = "MO-2097-" + String.format("%05d", (int) (Math.random() * 99_999));
        long caseId = jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by)
                values (?, (select min(id) from case_type), 'EMAIL', 'Damp and mould', 'NORMAL', 'NEW', 'STANDARD',
                    'PUBLIC_TASK', current_date - 3, current_date + 4, current_date + 7, 'test')
                returning id""", Long.class, reference);
        jdbc.update("insert into case_person (case_id, person_id) values (?, ?)", caseId, person);
        jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', 'Visited the flat')", caseId);
        jdbc.update("insert into case_event (case_id, actor, kind, internal, body) values (?, 'test', 'NOTE', true,"
                + " 'Internal opinion about the landlord')", caseId);
        jdbc.update("""
                insert into correspondence_item (direction, channel, status, occurred_on, subject, body, person_id, source, logged_by)
                values ('IN', 'EMAIL', 'IN_TRIAGE', current_date, 'Mould is back', 'Please help', ?, 'MANUAL', 'test')""",
                person);
        byte[] photo = "pretend photo bytes".getBytes(StandardCharsets.UTF_8);
        jdbc.update("""
                insert into case_attachment (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                values (?, 'bedroom.jpg', 'image/jpeg', ?, ?, ?, 'test')""", caseId, photo.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)), photo);

        mvc.perform(get("/people/{id}/subject-access", person).with(user(accounts.loadUserByUsername("head"))))
                .andExpect(status().isOk());
        byte[] zip = mvc.perform(post("/people/{id}/subject-access", person).with(csrf())
                        .with(user(accounts.loadUserByUsername("head"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn().getResponse().getContentAsByteArray();

        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKey("summary.pdf");
        assertThat(entries.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).startsWith("attachments/" + reference + "/").endsWith("bedroom.jpg");
            assertThat(e.getValue()).isEqualTo(photo);
        });
        try (PDDocument document = Loader.loadPDF(entries.get("summary.pdf"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Grace " + surname).contains(reference).contains("Visited the flat")
                    .contains("Mould is back").contains("grace@example.org")
                    .doesNotContain("Internal opinion");
        }

        assertThat(jdbc.queryForObject("select due_on from subject_access_request where person_id = ?", LocalDate.class, person))
                .isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/London")).plusMonths(1));
        assertThat(jdbc.queryForObject("select completed_at is not null from subject_access_request where person_id = ?",
                Boolean.class, person)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'person.subject-access' and subject_id = ?",
                Integer.class, String.valueOf(person))).isEqualTo(1);
    }

    @Test
    void onlyTheCoordinatorAndHeadOfOfficeMayMakeOne() throws Exception {
        long person = jdbc.queryForObject("insert into person (kind, last_name, created_by) values ('RESIDENT', 'Sar', 'test')"
                + " returning id", Long.class);
        mvc.perform(get("/people/{id}/subject-access", person).with(as(Role.CASEWORKER))).andExpect(status().isForbidden());
        mvc.perform(get("/people/{id}/subject-access", person).with(as(Role.COORDINATOR))).andExpect(status().isOk());
        mvc.perform(get("/people/{id}/subject-access", 999_999_999L).with(as(Role.COORDINATOR))).andExpect(status().isNotFound());
    }
}
