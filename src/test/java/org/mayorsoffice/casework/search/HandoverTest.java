package org.mayorsoffice.casework.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Change of office-holder: what moves to the successor, what is disposed of, and the report. */
class HandoverTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private RequestPostProcessor head() {
        return user(accounts.loadUserByUsername("head"));
    }

    private long member(String name) {
        return jdbc.queryForObject("insert into member (full_name, office) values (?, 'CABINET_MEMBER') returning id",
                Long.class, name);
    }

    private long engagement(long member, String title, String startsIn) {
        long id = jdbc.queryForObject("""
                insert into engagement (member_id, title, kind, starts_at, ends_at, status, created_by)
                values (?, ?, 'VISIT', now() + ?::interval, now() + ?::interval + interval '1 hour', 'CONFIRMED', 'head')
                returning id""", Long.class, member, title, startsIn, startsIn);
        jdbc.update("""
                insert into briefing (engagement_id, member_id, kind, title, due_on, status, created_by, author_name)
                values (?, ?, 'BRIEFING_NOTE', ?, current_date, 'COMMISSIONED', 'head', 'Head')""", id, member,
                "Briefing for " + title);
        return id;
    }

    @Test
    void theOutgoingMembersWorkMovesToTheSuccessorAndTheirPersonalClosedCasesAreDisposedOf() throws Exception {
        RecordsFixtures data = new RecordsFixtures(jdbc);
        String suffix = RecordsFixtures.uniqueName();
        long outgoing = member("Cllr Outgoing " + suffix);
        long successor = member("Cllr Successor " + suffix);
        long type = data.caseType();
        long open1 = data.aCase(type, null, "Open one");
        long open2 = data.aCase(type, null, "Open two");
        String personName = RecordsFixtures.uniqueName();
        long personal = data.aCase(type, 1, "Personal matter", data.person(personName));
        long personalHeld = data.aCase(type, 1, "Personal matter under a hold");
        long officeClosed = data.aCase(type, 1, "Closed office case");
        jdbc.update("update casework_case set member_id = ? where id in (?, ?, ?, ?, ?)", outgoing, open1, open2, personal,
                personalHeld, officeClosed);
        jdbc.update("update casework_case set personal_to_member = true where id = ?", personalHeld);
        mvc.perform(post("/cases/{id}/personal", personal).with(head()).with(csrf()).param("personal", "true"))
                .andExpect(status().isFound());
        mvc.perform(get("/cases/{id}", personal).with(head()))
                .andExpect(content().string(Matchers.containsString("Personal to the member")))
                .andExpect(content().string(Matchers.containsString("Mark as office casework")));
        mvc.perform(post("/cases/{id}/personal", personal).with(as(Role.CASEWORKER)).with(csrf()).param("personal", "false"))
                .andExpect(status().isForbidden());
        jdbc.update("update casework_case set legal_hold = true, legal_hold_reason = 'Police request' where id = ?", personalHeld);
        long userId = jdbc.queryForObject("select id from app_user where username = 'caseworker'", Long.class);
        long draft = jdbc.queryForObject("""
                insert into draft_response (case_id, person_id, case_reference, case_subject, recipient_name, status,
                    current_version, created_by_id, created_by, member_id, submitted_at)
                select c.id, (select min(id) from person), c.reference, c.subject, 'Resident', 'AWAITING_APPROVAL', 1, ?,
                       'caseworker', ?, now()
                  from casework_case c where c.id = ? returning id""", Long.class, userId, outgoing, open1);
        long future = engagement(outgoing, "Estate walkabout " + suffix, "3 days");
        long past = engagement(outgoing, "Old visit " + suffix, "-3 days");

        mvc.perform(get("/records/handover").with(head()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cllr Outgoing " + suffix)));
        mvc.perform(get("/records/handover/check").with(head()).param("successor", "HEAD"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Select the outgoing member")));
        mvc.perform(get("/records/handover/check").with(head()).param("outgoing", String.valueOf(outgoing))
                        .param("successor", String.valueOf(outgoing)))
                .andExpect(content().string(Matchers.containsString("The successor must be someone other than the outgoing member")));
        mvc.perform(get("/records/handover/check").with(head()).param("outgoing", String.valueOf(outgoing))
                        .param("successor", String.valueOf(successor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2 will move")))
                .andExpect(content().string(Matchers.containsString("1 will move")))
                .andExpect(content().string(Matchers.containsString("1 engagements and 1 briefings will move")))
                .andExpect(content().string(Matchers.containsString("2 will be disposed of")));
        mvc.perform(post("/records/handover").with(head()).with(csrf()).param("outgoing", String.valueOf(outgoing))
                        .param("successor", String.valueOf(successor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Confirm that you want to hand over")));
        assertThat(jdbc.queryForObject("select member_id from casework_case where id = ?", Long.class, open1)).isEqualTo(outgoing);

        String location = mvc.perform(post("/records/handover").with(head()).with(csrf())
                        .param("outgoing", String.valueOf(outgoing)).param("successor", String.valueOf(successor))
                        .param("confirm", "yes"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/records/handover/*"))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(jdbc.queryForList("select member_id from casework_case where id in (?, ?)", Long.class, open1, open2))
                .containsOnly(successor);
        assertThat(jdbc.queryForObject("select member_id from draft_response where id = ?", Long.class, draft)).isEqualTo(successor);
        assertThat(jdbc.queryForObject("select member_id from engagement where id = ?", Long.class, future)).isEqualTo(successor);
        assertThat(jdbc.queryForObject("select member_id from briefing where engagement_id = ?", Long.class, future)).isEqualTo(successor);
        assertThat(jdbc.queryForObject("select member_id from engagement where id = ?", Long.class, past)).isEqualTo(outgoing);
        assertThat(jdbc.queryForObject("select member_id from casework_case where id = ?", Long.class, officeClosed)).isEqualTo(outgoing);
        // No retention rule for the type: the personal case is deleted; the one under a hold is kept.
        assertThat(data.count("select count(*) from casework_case where id = ?", personal)).isZero();
        assertThat(data.tracesOf(personName)).isEmpty();
        assertThat(data.count("select count(*) from casework_case where id = ?", personalHeld)).isEqualTo(1);
        assertThat(data.count("select count(*) from case_event where case_id = ? and body like 'Change of office-holder%'", open1))
                .isEqualTo(1);

        mvc.perform(get(location).with(head()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(data.reference(open1))))
                .andExpect(content().string(Matchers.containsString("Moved to Cllr Successor " + suffix)))
                .andExpect(content().string(Matchers.containsString("Estate walkabout " + suffix)))
                .andExpect(content().string(Matchers.containsString("Kept: under a legal hold")))
                .andExpect(content().string(Matchers.containsString("Deleted")));
        mvc.perform(get(location + "/report.csv").with(head()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")))
                .andExpect(content().string(Matchers.startsWith("What,Item,Outcome\n")))
                .andExpect(content().string(Matchers.containsString("Open case," + data.reference(open2) + ",Moved to Cllr Successor " + suffix)))
                .andExpect(content().string(Matchers.containsString("Drafts awaiting approval,1 drafts,")));
        assertThat(data.count("select count(*) from audit_event where action = 'member.handover' and subject_id = ?",
                String.valueOf(outgoing))).isEqualTo(1);
        mvc.perform(get("/records/handover").with(as(Role.COORDINATOR))).andExpect(status().isForbidden());
    }
}
