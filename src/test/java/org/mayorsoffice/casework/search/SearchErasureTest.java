package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Every text column of every table (information_schema) holding the text, as "table.column". */
    private List<String> tracesOf(String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                 where table_schema = current_schema()
                   and data_type in ('text', 'character varying', 'character')""");
        for (Map<String, Object> column : columns) {
            String sql = "select count(*) from \"%s\" where \"%s\" ilike ?".formatted(column.get("table_name"),
                    column.get("column_name"));
            Integer count = jdbc.queryForObject(sql, Integer.class, "%" + text + "%");
            if (count != null && count > 0) {
                found.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return found;
    }

    @Test
    void erasureLeavesNoTraceOfTheNameAnywhereAndIsAuditedWithoutIt() throws Exception {
        String surname = uniqueName();
        long person = personWithHistory(surname);
        assertThat(tracesOf(surname)).contains("person.last_name", "casework_case.subject", "case_event.body",
                "correspondence_item.sender_name", "audit_event.new_value");

        mvc.perform(get("/people/{id}/erase", person).with(head())).andExpect(status().isOk());
        mvc.perform(post("/people/{id}/erase", person).with(head()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Confirm that you have checked")));
        mvc.perform(post("/people/{id}/erase", person).with(head()).with(csrf()).param("confirm", "yes"))
                .andExpect(status().isFound());

        assertThat(tracesOf(surname)).isEmpty();
        assertThat(tracesOf(surname.toLowerCase() + "@example.org")).isEmpty();
        assertThat(tracesOf(phone.substring(4))).isEmpty();
        assertThat(jdbc.queryForObject("select last_name from person where id = ?", String.class, person))
                .isEqualTo("Erased person");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'person.erased' and subject_id = ?",
                Integer.class, String.valueOf(person))).isEqualTo(1);
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
