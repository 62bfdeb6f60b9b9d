package org.mayorsoffice.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.people.PeopleMerged;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Linked cases, duplicates, tags, bulk actions from a list, and cases following a merged person. */
class CaseLinksTagsAndBulkTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService cases;

    @Autowired
    UserAccountService accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private CurrentUser caseworker() {
        return accounts.loadUserByUsername("caseworker");
    }

    private long person() {
        return jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values ('RESIDENT', 'Link',"
                + " ?, 'test') returning id", Long.class, "Test-" + UUID.randomUUID().toString().substring(0, 6));
    }

    private long openCase(long personId, Confidentiality confidentiality) {
        long id = cases.open(new OpenCase(jdbc.queryForObject("select id from case_type where code = 'COMPLAINT'", Long.class),
                Channel.LETTER, "Bin collections missed", null, null, null, null, null, Priority.NORMAL, confidentiality,
                LawfulBasis.PUBLIC_TASK, false, LocalDate.now(), List.of(personId)), caseworker());
        jdbc.update("update casework_case set allocated_to_id = ?, status = 'IN_PROGRESS' where id = ?",
                caseworker().id(), id);
        return id;
    }

    private String reference(long id) {
        return jdbc.queryForObject("select reference from casework_case where id = ?", String.class, id);
    }

    @Test
    void markingADuplicateClosesItWithAPointerBothWays() throws Exception {
        long original = openCase(person(), Confidentiality.STANDARD);
        long duplicate = openCase(person(), Confidentiality.STANDARD);
        mvc.perform(post("/cases/{id}/link", duplicate).with(user(caseworker())).with(csrf())
                        .param("reference", reference(original).toLowerCase()).param("kind", "DUPLICATE_OF"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select status || '/' || outcome from casework_case where id = ?", String.class, duplicate))
                .isEqualTo("CLOSED/NO_FURTHER_ACTION");
        mvc.perform(get("/cases/{id}", duplicate).with(user(caseworker())))
                .andExpect(content().string(containsString("Duplicate of")))
                .andExpect(content().string(containsString(reference(original))));
        mvc.perform(get("/cases/{id}", original).with(user(caseworker())))
                .andExpect(content().string(containsString("Has duplicate")))
                .andExpect(content().string(containsString(reference(duplicate) + " was closed as a duplicate of this case")));
        mvc.perform(post("/cases/{id}/link", original).with(user(caseworker())).with(csrf())
                        .param("reference", "MO-1999-99999").param("kind", "RELATED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No case has the reference MO-1999-99999")));
        mvc.perform(post("/cases/{id}/link", original).with(user(caseworker())).with(csrf())
                        .param("reference", "nonsense").param("kind", "RELATED"))
                .andExpect(content().string(containsString("Enter a case reference in the format MO-2026-00042")));
    }

    @Test
    void aRestrictedCaseCannotBeFoundByLinkingToItsReference() throws Exception {
        long restricted = openCase(person(), Confidentiality.RESTRICTED);
        long mine = openCase(person(), Confidentiality.STANDARD);
        CurrentUser coordinator = accounts.loadUserByUsername("coordinator");
        mvc.perform(post("/cases/{id}/link", mine).with(user(coordinator)).with(csrf())
                        .param("reference", reference(restricted)).param("kind", "RELATED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No case has the reference " + reference(restricted))));
    }

    @Test
    void bulkActionsChangeEachSelectedCaseAndReportWhatCouldNotChange() throws Exception {
        long a = openCase(person(), Confidentiality.STANDARD);
        long b = openCase(person(), Confidentiality.STANDARD);
        jdbc.update("update casework_case set status = 'ALLOCATED' where id = ?", b);

        mvc.perform(post("/cases/bulk").with(user(caseworker())).with(csrf())
                        .param("caseIds", String.valueOf(a), String.valueOf(b)).param("bulkAction", "TAG")
                        .param("tag", "Planning PA/26/0042").param("returnTo", "/cases/mine"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("important", containsString("Tag must be 40 characters or fewer")));
        mvc.perform(post("/cases/bulk").with(user(caseworker())).with(csrf())
                        .param("caseIds", String.valueOf(a), String.valueOf(b)).param("bulkAction", "TAG")
                        .param("tag", "Planning application 42").param("returnTo", "/cases/mine"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", "2 cases changed"));
        assertThat(jdbc.queryForObject("select count(*) from case_tag where tag = 'planning application 42' and case_id in (?, ?)",
                Integer.class, a, b)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'case.tagged' and subject_id in (?, ?)",
                Integer.class, String.valueOf(a), String.valueOf(b))).isEqualTo(2);

        // Draft response is allowed from In progress but not from Allocated: one changes, one is reported.
        mvc.perform(post("/cases/bulk").with(user(caseworker())).with(csrf())
                        .param("caseIds", String.valueOf(a), String.valueOf(b)).param("bulkAction", "STATUS")
                        .param("status", "DRAFT_RESPONSE").param("returnTo", "/cases/mine"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", "1 case changed"))
                .andExpect(flash().attribute("important", containsString(reference(b) + ": A case that is allocated cannot move to draft response")));

        mvc.perform(post("/cases/bulk").with(user(caseworker())).with(csrf())
                        .param("caseIds", String.valueOf(b)).param("bulkAction", "ALLOCATE").param("returnTo", "/cases/mine"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only the casework coordinator or head of office can allocate cases")));
        mvc.perform(post("/cases/bulk").with(user(caseworker())).with(csrf()).param("returnTo", "/cases/mine"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select at least one case")))
                .andExpect(content().string(containsString("Select what to do with the selected cases")));
    }

    @Test
    void casesFollowAPersonMergedIntoAnother() {
        long kept = person();
        long merged = person();
        long caseId = openCase(merged, Confidentiality.STANDARD);
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update person set merged_into_id = ? where id = ?", kept, merged);
            events.publishEvent(new PeopleMerged(kept, merged, "test"));
        });
        assertThat(jdbc.queryForList("select person_id from case_person where case_id = ?", Long.class, caseId))
                .containsExactly(kept);
    }

    @Test
    void theOpenCasesListIsFilteredAndShowsNoRestrictedCasesToOthers() throws Exception {
        long restricted = openCase(person(), Confidentiality.RESTRICTED);
        CurrentUser coordinator = accounts.loadUserByUsername("coordinator");
        mvc.perform(get("/cases").param("status", "IN_PROGRESS").param("sort", "received").with(user(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open cases")))
                .andExpect(content().string(not(containsString(reference(restricted)))));
        mvc.perform(get("/cases").param("status", "IN_PROGRESS").param("sort", "received").with(user(caseworker())))
                .andExpect(content().string(containsString(reference(restricted))));
    }

    @Test
    void theCaseworkerControlsWhoElseSeesARestrictedCase() throws Exception {
        long restricted = openCase(person(), Confidentiality.RESTRICTED);
        CurrentUser coordinator = accounts.loadUserByUsername("coordinator");
        mvc.perform(get("/cases/{id}", restricted).with(user(coordinator))).andExpect(status().isNotFound());

        mvc.perform(post("/cases/{id}/access", restricted).with(user(caseworker())).with(csrf())
                        .param("userId", String.valueOf(coordinator.id())))
                .andExpect(status().isFound());
        mvc.perform(get("/cases/{id}", restricted).with(user(coordinator))).andExpect(status().isOk());
        mvc.perform(get("/cases/{id}/access", restricted).with(user(caseworker())))
                .andExpect(content().string(containsString("Tom Reilly")));
        // Someone on the list may see the case but not change who else does.
        mvc.perform(post("/cases/{id}/access", restricted).with(user(coordinator)).with(csrf())
                        .param("userId", String.valueOf(accounts.loadUserByUsername("support").id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only the case&#39;s caseworker or the head of office")));

        mvc.perform(post("/cases/{id}/access/{userId}/remove", restricted, coordinator.id()).with(user(caseworker())).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(get("/cases/{id}", restricted).with(user(coordinator))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_id = ? and action in"
                + " ('case.access-granted', 'case.access-revoked')", Integer.class, String.valueOf(restricted))).isEqualTo(2);
    }

    @Test
    void aSecondPersonCanBeAddedToACase() throws Exception {
        long first = person();
        long caseId = openCase(first, Confidentiality.STANDARD);
        String surname = "Landlord-" + UUID.randomUUID().toString().substring(0, 6);
        long landlord = jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values"
                + " ('RESIDENT', 'Lee', ?, 'test') returning id", Long.class, surname);
        mvc.perform(get("/cases/{id}/people", caseId).param("personQuery", surname).with(user(caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lee " + surname)));
        mvc.perform(post("/cases/{id}/people", caseId).with(user(caseworker())).with(csrf())
                        .param("personId", String.valueOf(landlord)).param("personQuery", surname))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList("select person_id from case_person where case_id = ? order by person_id", Long.class, caseId))
                .containsExactly(first, landlord);
        mvc.perform(post("/cases/{id}/people", caseId).with(user(caseworker())).with(csrf())
                        .param("personId", String.valueOf(landlord)).param("personQuery", surname))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is already on this case")));
    }
}
