package org.mayorsoffice.casework.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.responses.ResponseFixtures.CaseFixture;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Administrators maintain templates (validated, audited); the case's draft list and the approvals queue render. */
class LetterTemplateAdminTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService cases;

    @Autowired
    UserAccountService accounts;

    @Test
    void anAdministratorAddsAndChangesATemplateAndEveryChangeIsAudited() throws Exception {
        mvc.perform(get("/admin/letter-templates").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Acknowledgement")))
                .andExpect(content().string(Matchers.containsString("Holding reply")));

        mvc.perform(post("/admin/letter-templates").with(as(Role.ADMIN)).with(csrf())
                        .param("name", "").param("kind", "TEMPLATE").param("body", "Dear {{person.nmae}}").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a name for the template")));
        mvc.perform(post("/admin/letter-templates").with(as(Role.ADMIN)).with(csrf())
                        .param("name", "X").param("kind", "TEMPLATE").param("body", "Dear {{person.nmae}}").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Unknown merge field {{person.nmae}}")))
                .andExpect(content().string(Matchers.containsString("Dear {{person.nmae}}")));

        String name = "Parking reply " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/letter-templates").with(as(Role.ADMIN)).with(csrf())
                        .param("name", name).param("kind", "TEMPLATE").param("body", "About {{case.subject}}.").param("active", "true"))
                .andExpect(redirectedUrl("/admin/letter-templates"));
        long id = jdbc.queryForObject("select id from letter_template where name = ?", Long.class, name);
        mvc.perform(get("/admin/letter-templates/" + id + "/edit").with(as(Role.ADMIN))).andExpect(status().isOk());
        mvc.perform(post("/admin/letter-templates/" + id).with(as(Role.ADMIN)).with(csrf())
                        .param("name", name).param("kind", "STANDARD_LINE").param("body", "About {{case.subject}}.")
                        .param("active", "false").param("version", "0"))
                .andExpect(redirectedUrl("/admin/letter-templates"));
        assertThat(jdbc.queryForObject("select kind || ':' || active from letter_template where id = ?", String.class, id))
                .isEqualTo("STANDARD_LINE:false");
        assertThat(jdbc.queryForList("select action || ':' || field || ':' || coalesce(new_value, '') from audit_event"
                + " where subject_type = 'letter_template' and subject_id = ? order by id", String.class, String.valueOf(id)))
                .contains("letter-template.created:name:" + name, "letter-template.updated:kind:STANDARD_LINE",
                        "letter-template.updated:active:false")
                .doesNotContain("letter-template.updated:name:" + name);
        mvc.perform(get("/admin/letter-templates").with(as(Role.CASEWORKER))).andExpect(status().isForbidden());
    }

    @Test
    void theCaseDraftListAndTheApprovalsQueueRender() throws Exception {
        ResponseFixtures fixtures = new ResponseFixtures(jdbc, cases, accounts);
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Library opening hours");
        mvc.perform(get("/cases/" + c.caseId() + "/drafts").with(user(fixtures.user("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No responses have been drafted for this case.")));
        mvc.perform(get("/cases/" + c.caseId() + "/drafts/new").param("step", "compose").param("templateId", "")
                        .with(user(fixtures.user("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Text of the response")));
        mvc.perform(get("/approvals").with(user(fixtures.user("mayor")))).andExpect(status().isOk());
        mvc.perform(get("/home/member").with(user(fixtures.user("mayor"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Approvals")));
    }
}
