package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The head of office's audit log: filters, paging and the CSV export. */
class AuditViewerTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private RequestPostProcessor head() {
        return user(accounts.loadUserByUsername("head"));
    }

    private void entry(String actor, String action, String type, Object id, String detail) {
        jdbc.update("insert into audit_event (actor, action, subject_type, subject_id, detail) values (?, ?, ?, ?, ?)",
                actor, action, type, String.valueOf(id), detail);
    }

    @Test
    void filtersByUserCaseActionPersonAndDate() throws Exception {
        RecordsFixtures data = new RecordsFixtures(jdbc);
        String tag = RecordsFixtures.uniqueName();
        long caseId = data.aCase(data.caseType(), null, "Audited case " + tag);
        String reference = data.reference(caseId);
        entry("auditor." + tag, "case.viewed", "case", caseId, "Restricted case viewed " + tag);
        entry("other." + tag, "case.updated", "case", caseId, "Subject changed " + tag);
        entry("auditor." + tag, "person.updated", "person", 424242, "Person changed " + tag);
        entry("auditor." + tag, "audit.exported", "audit", "log", "Not a number as its record " + tag);

        mvc.perform(get("/audit").with(head()).param("user", "auditor." + tag))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Restricted case viewed " + tag)))
                .andExpect(content().string(Matchers.containsString("Person changed " + tag)))
                .andExpect(content().string(Matchers.containsString("Not a number as its record " + tag)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Subject changed " + tag))));
        mvc.perform(get("/audit").with(head()).param("reference", reference.toLowerCase()))
                .andExpect(content().string(Matchers.containsString("Restricted case viewed " + tag)))
                .andExpect(content().string(Matchers.containsString("Subject changed " + tag)))
                .andExpect(content().string(Matchers.containsString("Case " + reference)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Person changed " + tag))));
        mvc.perform(get("/audit").with(head()).param("reference", reference).param("action", "case.updated"))
                .andExpect(content().string(Matchers.containsString("Subject changed " + tag)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Restricted case viewed " + tag))));
        mvc.perform(get("/audit").with(head()).param("person", "424242").param("user", "auditor." + tag))
                .andExpect(content().string(Matchers.containsString("Person changed " + tag)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Restricted case viewed " + tag))));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(1).toString();
        mvc.perform(get("/audit").with(head()).param("user", "auditor." + tag).param("from", today).param("to", today))
                .andExpect(content().string(Matchers.containsString("Person changed " + tag)));
        mvc.perform(get("/audit").with(head()).param("user", "auditor." + tag).param("from", tomorrow))
                .andExpect(content().string(Matchers.containsString("No entries match")));

        mvc.perform(get("/audit").with(head()).param("reference", "MO-1999-99999").param("from", "31/2/2026")
                        .param("person", "Smith"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("There is a problem")))
                .andExpect(content().string(Matchers.containsString("No case has the reference MO-1999-99999")))
                .andExpect(content().string(Matchers.containsString("Enter the person&#39;s number")))
                .andExpect(content().string(Matchers.containsString("Enter the start date as a real date")))
                .andExpect(content().string(Matchers.containsString("value=\"31/2/2026\"")));
        mvc.perform(get("/audit").with(as(Role.COORDINATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export.csv").with(as(Role.CASEWORKER))).andExpect(status().isForbidden());
    }

    @Test
    void pagesFiftyAtATimeNewestFirstAndExportsEveryMatchingEntryAsCsv() throws Exception {
        String action = "test.paging-" + RecordsFixtures.uniqueName().toLowerCase();
        for (int i = 1; i <= 60; i++) {
            entry("pager", action, "test", i, "Entry number " + i + (i == 7 ? ", with \"quotes\"" : ""));
        }
        String first = mvc.perform(get("/audit").with(head()).param("action", action))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Entry number 60<")))
                .andExpect(content().string(Matchers.containsString("Entry number 11<")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Entry number 10<"))))
                .andExpect(content().string(Matchers.containsString("Older entries")))
                .andReturn().getResponse().getContentAsString();
        Matcher older = Pattern.compile("href=\"(/audit\\?[^\"]*before=[0-9]+)\"").matcher(first);
        assertThat(older.find()).isTrue();
        mvc.perform(get(older.group(1).replace("&amp;", "&")).with(head()))
                .andExpect(content().string(Matchers.containsString("Entry number 10<")))
                .andExpect(content().string(Matchers.containsString("Entry number 1<")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Entry number 11<"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Older entries"))))
                .andExpect(content().string(Matchers.containsString("Newest entries")));

        MvcResult started = mvc.perform(get("/audit/export.csv").with(head()).param("action", action))
                .andExpect(request().asyncStarted()).andReturn();
        String csv = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("audit-log.csv")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().toList()).hasSize(61).first().isEqualTo("When,User,Action,Record,Field,Old value,New value,Detail");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains("pager," + action + ",test 60,,,,Entry number 60");
        assertThat(csv).contains("\"Entry number 7, with \"\"quotes\"\"\"");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'audit.exported' and detail like ?",
                Integer.class, "%" + action + "%")).isEqualTo(1);
    }
}
