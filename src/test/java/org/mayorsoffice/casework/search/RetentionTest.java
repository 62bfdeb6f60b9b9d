package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Retention rules, the dry run, the head of office's review, and what execution removes and keeps. */
class RetentionTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    RecordsFixtures data;

    @BeforeEach
    void setUp() {
        data = new RecordsFixtures(jdbc);
        // One review waits at a time: start each test without one.
        jdbc.update("""
                update retention_batch set status = 'CANCELLED', decided_at = now(), decided_by = 'test'
                 where status = 'PENDING'""");
    }

    private RequestPostProcessor head() {
        return user(accounts.loadUserByUsername("head"));
    }

    private void rule(long caseType, String action, String years) throws Exception {
        mvc.perform(post("/admin/retention/{id}", caseType).with(as(Role.ADMIN)).with(csrf())
                        .param("action", action).param("years", years))
                .andExpect(status().isFound());
    }

    private long startReview() throws Exception {
        mvc.perform(post("/records/retention/batches").with(head()).with(csrf())).andExpect(status().isFound());
        return jdbc.queryForObject("select id from retention_batch where status = 'PENDING'", Long.class);
    }

    @Test
    void administratorsSetRulesPerCaseTypeAndBadInputIsExplained() throws Exception {
        long type = data.caseType();
        mvc.perform(post("/admin/retention/{id}", type).with(as(Role.ADMIN)).with(csrf())
                        .param("action", "DELETE").param("years", "six"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("There is a problem")))
                .andExpect(content().string(Matchers.containsString("Enter how many years after closure")))
                .andExpect(content().string(Matchers.containsString("value=\"six\"")));
        rule(type, "DELETE", "6");
        mvc.perform(get("/admin/retention").with(as(Role.ADMIN)))
                .andExpect(content().string(Matchers.containsString("Delete 6 years after closure")));
        mvc.perform(get("/admin/retention").with(as(Role.CASEWORKER))).andExpect(status().isForbidden());
        mvc.perform(get("/records/retention").with(as(Role.COORDINATOR))).andExpect(status().isForbidden());
    }

    @Test
    void dryRunListsWhatWouldGoAndApprovalDeletesItKeepingAnAuditEntryAndPeopleOnOtherCases() throws Exception {
        long type = data.caseType();
        rule(type, "DELETE", "6");
        String goneName = RecordsFixtures.uniqueName();
        String keptName = RecordsFixtures.uniqueName();
        long gone = data.person(goneName);
        long kept = data.person(keptName);
        long old = data.aCase(type, 7, "Old housing repair", gone, kept);
        long recentClosed = data.aCase(type, 2, "Recently closed case", kept);
        long otherType = data.aCase(data.caseType(), 9, "No rule for this type");
        // On two cases that both go: goes with them.
        String twiceName = RecordsFixtures.uniqueName();
        long twice = data.person(twiceName);
        jdbc.update("insert into case_person (case_id, person_id) values (?, ?)", old, twice);
        long old2 = data.aCase(type, 8, "Another old case", twice);
        String oldRef = data.reference(old);

        mvc.perform(get("/records/retention/dry-run").with(head()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(oldRef)))
                .andExpect(content().string(Matchers.containsString("1 notes, 1 correspondence items, 2 attachments")))
                .andExpect(content().string(Matchers.containsString("Tomasz " + goneName + ": Goes (on no case that is kept)")))
                .andExpect(content().string(Matchers.containsString("Tomasz " + keptName + ": Kept: on other cases")))
                .andExpect(content().string(Matchers.containsString("Tomasz " + twiceName + ": Goes (on no case that is kept)")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(data.reference(recentClosed)))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(data.reference(otherType)))));
        // A dry run changes nothing.
        assertThat(data.count("select count(*) from casework_case where id = ?", old)).isEqualTo(1);
        assertThat(data.count("select count(*) from retention_batch where status = 'PENDING'")).isZero();

        long batch = startReview();
        mvc.perform(get("/records/retention").with(head()))
                .andExpect(content().string(Matchers.containsString(oldRef)))
                .andExpect(content().string(Matchers.containsString("Approve and remove")));
        mvc.perform(post("/records/retention/batches/{id}/approve", batch).with(head()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Confirm that you have checked the list")));
        assertThat(data.count("select count(*) from casework_case where id = ?", old)).isEqualTo(1);

        mvc.perform(post("/records/retention/batches/{id}/approve", batch).with(head()).with(csrf()).param("confirm", "yes"))
                .andExpect(status().isFound());

        assertThat(data.count("select count(*) from casework_case where id = ?", old)).isZero();
        for (String table : new String[] {"case_event", "case_attachment", "case_person", "correspondence_item",
                "draft_response", "members_enquiry"}) {
            assertThat(data.count("select count(*) from " + table + " where case_id = ?", old)).as(table).isZero();
        }
        assertThat(data.count("select count(*) from correspondence_attachment a where not exists"
                + " (select 1 from correspondence_item i where i.id = a.item_id)")).isZero();
        assertThat(data.count("select count(*) from person where id in (?, ?)", gone, twice)).isZero();
        assertThat(data.count("select count(*) from casework_case where id = ?", old2)).isZero();
        assertThat(data.tracesOf(twiceName)).isEmpty();
        assertThat(data.tracesOf(goneName)).isEmpty();
        // Kept: the person on another case, the case closed too recently, the case type with no rule.
        assertThat(jdbc.queryForObject("select last_name from person where id = ?", String.class, kept)).isEqualTo(keptName);
        assertThat(data.count("select count(*) from casework_case where id in (?, ?)", recentClosed, otherType)).isEqualTo(2);

        String detail = jdbc.queryForObject("""
                select detail from audit_event where action = 'retention.deleted' and subject_id = ?""",
                String.class, String.valueOf(old));
        assertThat(detail).contains(oldRef, "Delete 6 years after closure", "1 correspondence items", "1 people")
                .doesNotContain(goneName);
        assertThat(jdbc.queryForObject("select outcome from retention_batch_item where batch_id = ? and case_id = ?",
                String.class, batch, old)).isEqualTo("DELETED");
        mvc.perform(get("/records/retention/batches/{id}", batch).with(head()))
                .andExpect(content().string(Matchers.containsString("Approved and carried out")))
                .andExpect(content().string(Matchers.containsString(oldRef)))
                .andExpect(content().string(Matchers.containsString("Deleted")));
    }

    @Test
    void legalHoldsAndExclusionsKeepCasesAndAnonymisingKeepsTheCaseWithoutItsDetails() throws Exception {
        long type = data.caseType();
        rule(type, "ANONYMISE", "3");
        String heldPersonName = RecordsFixtures.uniqueName();
        String anonName = RecordsFixtures.uniqueName();
        long heldPerson = data.person(heldPersonName);
        long anonPerson = data.person(anonName);
        long heldCase = data.aCase(type, 4, "Case under a hold");
        long personHeldCase = data.aCase(type, 4, "Case of a held person", heldPerson);
        long excluded = data.aCase(type, 4, "Case the head of office keeps");
        long anonymised = data.aCase(type, 4, "Case about " + anonName, anonPerson);
        mvc.perform(post("/cases/{id}/legal-hold", heldCase).with(head()).with(csrf()).param("hold", "true")
                .param("reason", "Ombudsman complaint")).andExpect(status().isFound());
        mvc.perform(post("/people/{id}/legal-hold", heldPerson).with(head()).with(csrf()).param("hold", "true"))
                .andExpect(status().isFound());

        mvc.perform(get("/records/retention/dry-run").with(head()))
                .andExpect(content().string(Matchers.containsString("Legal hold: kept")))
                .andExpect(content().string(Matchers.containsString("Kept: under a legal hold")));
        long batch = startReview();
        mvc.perform(post("/records/retention/batches/{id}/items/{caseId}", batch, excluded).with(head()).with(csrf())
                .param("excluded", "true")).andExpect(status().isFound());
        mvc.perform(get("/records/retention").with(head()))
                .andExpect(content().string(Matchers.containsString("Excluded: kept")));
        mvc.perform(post("/records/retention/batches/{id}/approve", batch).with(head()).with(csrf()).param("confirm", "yes"))
                .andExpect(status().isFound());

        for (long keptCase : new long[] {heldCase, personHeldCase, excluded}) {
            assertThat(jdbc.queryForObject("select subject from casework_case where id = ?", String.class, keptCase))
                    .doesNotStartWith("Anonymised");
            assertThat(data.count("select count(*) from correspondence_item where case_id = ?", keptCase)).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select last_name from person where id = ?", String.class, heldPerson))
                .isEqualTo(heldPersonName);
        assertThat(jdbc.queryForObject("select subject from casework_case where id = ?", String.class, anonymised))
                .isEqualTo("Anonymised under a retention rule");
        assertThat(data.count("select count(*) from case_person where case_id = ?", anonymised)).isZero();
        assertThat(data.count("select count(*) from correspondence_item where case_id = ?", anonymised)).isZero();
        assertThat(data.count("select count(*) from case_attachment where case_id = ?", anonymised)).isZero();
        assertThat(jdbc.queryForObject("select last_name from person where id = ?", String.class, anonPerson))
                .isEqualTo("Erased person");
        assertThat(data.tracesOf(anonName)).isEmpty();
        assertThat(jdbc.queryForList("""
                select outcome from retention_batch_item where batch_id = ? and case_id in (?, ?, ?, ?) order by case_id""",
                String.class, batch, heldCase, personHeldCase, excluded, anonymised))
                .containsExactly("HELD", "HELD", "EXCLUDED", "ANONYMISED");
        mvc.perform(get("/records/retention/batches/{id}", batch).with(head()))
                .andExpect(content().string(Matchers.containsString("Legal hold: kept")))
                .andExpect(content().string(Matchers.containsString("Excluded: kept")))
                .andExpect(content().string(Matchers.containsString("Anonymised")));
    }
}
