package org.mayorsoffice.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

/** The Power BI feed: admin-created, revocable bearer tokens; restricted cases never appear. */
class ReportFeedTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private String newToken(String name) throws Exception {
        MvcResult created = mvc.perform(post("/admin/api-tokens").param("name", name)
                        .with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attributeExists("newToken"))
                .andReturn();
        String token = (String) created.getFlashMap().get("newToken");
        // Shown once on the page it redirects to; only the hash is stored.
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = encode(sha256(?::bytea), 'hex')",
                Long.class, token)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, token)).isZero();
        return token;
    }

    private String feed(String path, String token) throws Exception {
        MvcResult done = download(get(path).header("Authorization", "Bearer " + token));
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        return done.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String aCase(String confidentiality) {
        String reference = "MO-2094-" + (10_000_000 + (long) (Math.random() * 89_999_999));
        jdbc.update("""
                insert into casework_case (reference, case_type_id, channel, subject, priority, status, confidentiality,
                    lawful_basis, received_on, internal_due_on, external_due_on, created_by)
                values (?, (select min(id) from case_type), 'EMAIL', 'Feed fixture', 'NORMAL', 'NEW', ?, 'PUBLIC_TASK',
                    ?, ?, ?, 'test')""", reference, confidentiality, LocalDate.now(), LocalDate.now(), LocalDate.now());
        return reference;
    }

    @Test
    void noTokenOrAnUnknownOneIsRefused() throws Exception {
        mvc.perform(get("/feed/cases.csv"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().string(containsString("API token")));
        mvc.perform(get("/feed/enquiries.json").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aValidTokenReadsTheFeedWithoutRestrictedCasesUntilRevoked() throws Exception {
        String open = aCase("STANDARD");
        String restricted = aCase("RESTRICTED");
        String token = newToken("Power BI " + UUID.randomUUID());

        String csv = feed("/feed/cases.csv", token);
        assertThat(csv).startsWith("reference,received_on,case_type,channel,status,priority,ward,portfolio,member,"
                + "allocated_to,internal_due_on,response_due_on,responded_on,closed_on,outcome\r\n");
        assertThat(csv).contains(open + ",").doesNotContain(restricted).doesNotContain("Feed fixture");
        String json = feed("/feed/cases.json", token);
        assertThat(json).startsWith("[").contains("{\"reference\":\"" + open + "\",\"received_on\":\"" + LocalDate.now() + "\"")
                .doesNotContain(restricted);
        assertThat(feed("/feed/enquiries.csv", token)).startsWith("reference,case_reference,directorate,status,");
        assertThat(feed("/feed/enquiries.json", token)).startsWith("[");
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = encode(sha256(?::bytea), 'hex')"
                + " and last_used_at is not null", Long.class, token)).isEqualTo(1);

        long id = jdbc.queryForObject("select id from api_token where token_hash = encode(sha256(?::bytea), 'hex')", Long.class, token);
        mvc.perform(get("/admin/api-tokens").with(user(accounts.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Revoke")));
        mvc.perform(post("/admin/api-tokens/" + id + "/revoke").with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(get("/feed/cases.csv").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void theDiaryFeedListsEngagementsWithPrivateOnesAsBusy() throws Exception {
        String title = "Feed engagement " + UUID.randomUUID();
        String secret = "Private feed engagement " + UUID.randomUUID();
        jdbc.update("""
                insert into engagement (member_id, title, kind, starts_at, ends_at, status, private, ward_id, created_by)
                values ((select min(id) from member), ?, 'VISIT', '2026-07-01T09:00:00Z', '2026-07-01T10:30:00Z', 'CONFIRMED',
                        false, (select min(id) from ward), 'test'),
                       ((select min(id) from member), ?, 'INTERNAL_MEETING', '2026-07-02T09:00:00Z', '2026-07-02T10:00:00Z',
                        'CONFIRMED', true, (select min(id) from ward), 'test')""", title, secret);
        mvc.perform(get("/feed/engagements.csv")).andExpect(status().isUnauthorized());
        String token = newToken("Diary feed " + UUID.randomUUID());

        String csv = feed("/feed/engagements.csv", token);
        assertThat(csv).startsWith("id,member,title,kind,status,starts_at,ends_at,ward,topic,private\r\n");
        // Times in London (BST in July) with their offset.
        assertThat(csv).contains("," + title + ",VISIT,CONFIRMED,2026-07-01T10:00+01:00,2026-07-01T11:30+01:00,");
        assertThat(csv).doesNotContain(secret).contains(",Busy,INTERNAL_MEETING,CONFIRMED,2026-07-02T10:00+01:00,");
        String json = feed("/feed/engagements.json", token);
        assertThat(json).contains("\"title\":\"" + title + "\"", "\"starts_at\":\"2026-07-01T10:00+01:00\"", "\"private\":true")
                .doesNotContain(secret);
    }

    @Test
    void aTokenNeedsAName() throws Exception {
        mvc.perform(post("/admin/api-tokens").param("name", "  ").with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a name for the token")));
    }
}
