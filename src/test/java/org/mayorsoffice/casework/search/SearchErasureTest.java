package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Random;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Erasure on request leaves no trace of the name anywhere in the database; a legal hold stops it. */
class SearchErasureTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private RequestPostProcessor head() {
        return user(accounts.loadUserByUsername("head"));
    }

    private static String uniqueName() {
        Random random = new Random();
        StringBuilder name = new StringBuilder("Vrk");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** A person added through the directory (so the audit trail holds their name), with a case and a letter. */
    private String phone;

    private long personWithHistory(String surname) throws Exception {
        phone = "020 79" + (10 + new Random().nextInt(89)) + " " + (1000 + new Random().nextInt(8999));
        String location = mvc.perform(post("/people").with(as(Role.CASEWORKER)).with(csrf())
                        .param("kind", "RESIDENT").param("title", "Mrs").param("firstName", "Ngozi")
                        .param("lastName", surname).param("email", surname.toLowerCase() + "@example.org")
                        .param("postcode", "E1 6AN").param("phone", phone)
                        .param("preferredContact", "NO_PREFERENCE").param("confirmNotDuplicate", "true"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/people/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long person = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long caseId = jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, description, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by)
                values (?, (select min(id) from case_type), 'EMAIL', ?, ?, 'NORMAL', 'NEW', 'STANDARD',
                    'PUBLIC_TASK', current_date - 3, current_date + 4, current_date + 7, 'test')
                returning id""", Long.class, "MO-2096-" + String.format("%05d", new Random().nextInt(99_999)),
                "Rent arrears for Mrs " + surname, "Ngozi " + surname + " rang; " + surname.toUpperCase() + " is worried.");
        jdbc.update("insert into case_person (case_id, person_id) values (?, ?)", caseId, person);
        jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', ?)", caseId,
                "Spoke to " + surname + " about the payment plan");
        jdbc.update("""
                insert into correspondence_item (direction, channel, status, occurred_on, sender_name, sender_email,
                    subject, body, person_id, source, logged_by)
                values ('IN', 'EMAIL', 'IN_TRIAGE', current_date, ?, ?, 'Arrears', ?, ?, 'MANUAL', 'test')""",
                "Ngozi " + surname, surname.toLowerCase() + "@example.org", "Yours, Ngozi " + surname, person);
        return person;
    }

    /** Every text, varchar, jsonb and tsvector column of every table holding the text, as "table.column". */
    private List<String> tracesOf(String text) {
        return new RecordsFixtures(jdbc).tracesOf(text);
    }

    /**
     * Mentions of the person in the other modules' tables: a notification, an outgoing email with an attachment, a
     * draft response with a version, a members' enquiry on their case, a diary engagement they attend (with meeting
     * notes, a briefing and an action), and a duplicate record merged into theirs.
     */
    private void mentionsElsewhere(long person, String surname) {
        long caseId = jdbc.queryForObject("select case_id from case_person where person_id = ?", Long.class, person);
        String full = "Ngozi " + surname;
        String email = surname.toLowerCase() + "@example.org";
        long userId = jdbc.queryForObject("select id from app_user where username = 'head'", Long.class);
        long memberId = jdbc.queryForObject("select min(id) from member", Long.class);
        jdbc.update("insert into notification (user_id, message, link) values (?, ?, '/cases/1')", userId,
                "Mrs " + surname + " replied on her case");
        long mail = jdbc.queryForObject("""
                insert into outbox_email (message_id, to_address, subject, body, status)
                values (?, ?, 'Your case', ?, 'PENDING') returning id""", Long.class, "<" + System.nanoTime() + "@test>", email,
                "Dear Mrs " + surname + ",");
        jdbc.update("""
                insert into outbox_attachment (email_id, filename, content_type, content)
                values (?, 'letter.pdf', 'application/pdf', '\\x01')""", mail);
        long draft = jdbc.queryForObject("""
                insert into draft_response (case_id, person_id, case_reference, case_subject, recipient_name, status,
                    current_version, created_by_id, created_by)
                select ?, ?, reference, subject, ?, 'DRAFT', 1, ?, 'head' from casework_case where id = ? returning id""",
                Long.class, caseId, person, "Mrs " + full, userId, caseId);
        jdbc.update("""
                insert into draft_version (draft_id, number, text, author_id, author, note) values (?, 1, ?, ?, 'head', ?)""",
                draft, "Dear Mrs " + surname + ", thank you.", userId, "For " + surname);
        jdbc.update("""
                insert into members_enquiry (reference, case_id, directorate_id, recipient, to_address, question, target_days,
                    raised_on, due_on, status, raised_by)
                values (?, ?, (select min(id) from directorate), 'Housing', 'housing@example.gov.uk', ?, 10, current_date,
                    current_date + 14, 'OPEN', 'head')""",
                "ME-2096-" + (10000 + new Random().nextInt(89999)), caseId, "Please help " + full + " with repairs");
        long engagement = jdbc.queryForObject("""
                insert into engagement (member_id, title, kind, starts_at, ends_at, status, agenda, created_by)
                values (?, ?, 'VISIT', now() + interval '2 days', now() + interval '2 days 1 hour', 'CONFIRMED', ?, 'head')
                returning id""", Long.class, memberId, "Visit to " + full, "Meet " + surname + " at home");
        jdbc.update("insert into engagement_person (engagement_id, person_id) values (?, ?)", engagement, person);
        jdbc.update("insert into meeting_note (engagement_id, notes, updated_by) values (?, ?, 'head')", engagement,
                surname + " showed us the damp");
        jdbc.update("""
                insert into briefing (engagement_id, member_id, kind, title, due_on, status, content, created_by, author_name)
                values (?, ?, 'BRIEFING_NOTE', ?, current_date, 'COMMISSIONED', ?, 'head', 'Head')""",
                engagement, memberId, "Briefing on " + surname, "Background: " + surname + " has complained twice.");
        jdbc.update("""
                insert into diary_action (engagement_id, owner_id, due_on, description, created_by)
                values (?, ?, current_date + 3, ?, 'head')""", engagement, userId, "Write to " + surname);
        jdbc.update("""
                insert into person (kind, first_name, last_name, email, merged_into_id, created_by)
                values ('RESIDENT', 'N', ?, ?, ?, 'test')""", surname, "n." + email, person);
        // An acknowledgement sent to them, and a media request where they are the journalist.
        jdbc.update("""
                insert into resident_update (case_id, person_id, kind, channel, email, text, sent_by_id, sent_by)
                values (?, ?, 'ACKNOWLEDGEMENT', 'EMAIL', ?, ?, ?, 'head')""", caseId, person, email,
                "Dear Mrs " + surname + ", we have your case.", userId);
        jdbc.update("""
                insert into media_request (kind, title, question, journalist_id, journalist_name, outlet, status, deadline,
                    created_by_id, created_by)
                values ('REQUEST', 'Damp story', ?, ?, ?, 'East London Advertiser', 'NEW', now() + interval '3 hours', ?, 'head')""",
                "Is it true " + full + " waited a year?", person, full, userId);
    }

    @Test
    void erasureLeavesNoTraceOfTheNameAnywhereAndIsAuditedWithoutIt() throws Exception {
        String surname = uniqueName();
        long person = personWithHistory(surname);
        mentionsElsewhere(person, surname);
        assertThat(tracesOf(surname)).contains("person.last_name", "casework_case.subject", "case_event.body",
                "correspondence_item.sender_name", "audit_event.new_value", "notification.message", "outbox_email.body",
                "outbox_email.to_address", "draft_response.recipient_name", "draft_version.text",
                "members_enquiry.question", "engagement.title", "meeting_note.notes", "briefing.content",
                "diary_action.description", "case_event.search_vector", "casework_case.search_vector");

        mvc.perform(get("/people/{id}/erase", person).with(head())).andExpect(status().isOk());
        mvc.perform(post("/people/{id}/erase", person).with(head()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Confirm that you have checked")));
        mvc.perform(post("/people/{id}/erase", person).with(head()).with(csrf()).param("confirm", "yes"))
                .andExpect(status().isFound());

        assertThat(tracesOf(surname)).isEmpty();
        assertThat(tracesOf(surname.toLowerCase() + "@example.org")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from outbox_attachment a join outbox_email e on e.id = a.email_id"
                + " where e.subject = 'Your case'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from person where merged_into_id = ? and last_name = 'Erased person'",
                Integer.class, person)).isEqualTo(1);
        // The links stay (as ids): the engagement still has its attendee, the draft its recipient record.
        assertThat(jdbc.queryForObject("select count(*) from engagement_person where person_id = ?", Integer.class, person))
                .isEqualTo(1);
        assertThat(tracesOf(phone.substring(4))).isEmpty();
        assertThat(jdbc.queryForObject("select last_name from person where id = ?", String.class, person))
                .isEqualTo("Erased person");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'person.erased' and subject_id = ?",
                Integer.class, String.valueOf(person))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from audit_event where action = 'person.erased' and subject_id = ?",
                String.class, String.valueOf(person))).contains("1 merged duplicate").doesNotContain(surname);
        // The audit trail stays append-only outside an erasure.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update audit_event set detail = 'x' where subject_id = ?",
                String.valueOf(person))).hasMessageContaining("append-only");
    }

    @Test
    void aLegalHoldOnThePersonOrOneOfTheirCasesStopsErasure() throws Exception {
        String surname = uniqueName();
        long person = personWithHistory(surname);
        mvc.perform(post("/people/{id}/legal-hold", person).with(head()).with(csrf()).param("hold", "true"))
                .andExpect(status().isFound());
        mvc.perform(post("/people/{id}/erase", person).with(head()).with(csrf()).param("confirm", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("under a legal hold")));
        assertThat(jdbc.queryForObject("select last_name from person where id = ?", String.class, person)).isEqualTo(surname);

        mvc.perform(post("/people/{id}/legal-hold", person).with(head()).with(csrf()).param("hold", "false"))
                .andExpect(status().isFound());
        long caseId = jdbc.queryForObject("select case_id from case_person where person_id = ?", Long.class, person);
        mvc.perform(post("/cases/{id}/legal-hold", caseId).with(head()).with(csrf()).param("hold", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter why the case is under a legal hold")));
        mvc.perform(post("/cases/{id}/legal-hold", caseId).with(head()).with(csrf()).param("hold", "true")
                        .param("reason", "Ombudsman complaint 24-001234"))
                .andExpect(status().isFound());
        mvc.perform(get("/cases/{id}", caseId).with(head()))
                .andExpect(content().string(Matchers.containsString("Legal hold: Ombudsman complaint 24-001234")))
                .andExpect(content().string(Matchers.containsString("Release the legal hold")));
        mvc.perform(post("/people/{id}/erase", person).with(head()).with(csrf()).param("confirm", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cases about this person are under a legal hold")));
        assertThat(tracesOf(surname)).contains("person.last_name");
        mvc.perform(post("/people/{id}/legal-hold", person).with(as(Role.COORDINATOR)).with(csrf()).param("hold", "true"))
                .andExpect(status().isForbidden());
    }
}
