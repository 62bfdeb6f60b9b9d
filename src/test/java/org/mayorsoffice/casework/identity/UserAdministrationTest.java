package org.mayorsoffice.casework.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAdminService;
import org.mayorsoffice.casework.identity.internal.UserViews.NewUser;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class UserAdministrationTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAdminService userAdmin;

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void adminAddsAUserWithRolesAndTheChangeIsAudited() throws Exception {
        String username = unique("new");
        mvc.perform(post("/admin/users").with(as(Role.ADMIN)).with(csrf())
                        .param("username", username).param("displayName", "Nadia Islam").param("email", "nadia@example.org")
                        .param("roles", "CASEWORKER", "COORDINATOR")
                        .param("password", "Blue-Lantern-River").param("confirmPassword", "Blue-Lantern-River"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/admin/users/*"));

        assertThat(jdbc.queryForList("select r.role from user_role r join app_user u on u.id = r.user_id where u.username = ?",
                String.class, username)).containsExactlyInAnyOrder("CASEWORKER", "COORDINATOR");
        assertThat(jdbc.queryForObject("select must_change_password from app_user where username = ?", Boolean.class, username)).isTrue();
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, username))
                .startsWith("{bcrypt}").doesNotContain("Blue-Lantern-River");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'user.created' and new_value = ?",
                Integer.class, username)).isEqualTo(1);
    }

    @Test
    void invalidInputIsAnsweredWithTheErrorSummaryAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/admin/users").with(as(Role.ADMIN)).with(csrf())
                        .param("username", "x").param("displayName", "Typed Name").param("email", "not-an-email")
                        .param("password", "short").param("confirmPassword", "different"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#username\"")))
                .andExpect(content().string(containsString("Username must be 3 to 64 characters")))
                .andExpect(content().string(containsString("Enter an email address in the correct format")))
                .andExpect(content().string(containsString("Passwords do not match")))
                .andExpect(content().string(containsString("value=\"Typed Name\"")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
    }

    @Test
    void aMemberUserNeedsAMemberAndDuplicateUsernamesAreRefused() throws Exception {
        mvc.perform(post("/admin/users").with(as(Role.ADMIN)).with(csrf())
                        .param("username", "caseworker").param("displayName", "Someone").param("roles", "MEMBER")
                        .param("password", "Blue-Lantern-River").param("confirmPassword", "Blue-Lantern-River"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A user with this username already exists")));
        mvc.perform(post("/admin/users").with(as(Role.ADMIN)).with(csrf())
                        .param("username", unique("member")).param("displayName", "Someone").param("roles", "MEMBER")
                        .param("password", "Blue-Lantern-River").param("confirmPassword", "Blue-Lantern-River"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select the member this user signs in as")));
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsRefusedAndKeepsWhatTheyTyped() throws Exception {
        long id = userAdmin.create(new NewUser(unique("edit"), "Original Name", null, EnumSet.of(Role.CASEWORKER), null,
                "Blue-Lantern-River"), "test");
        long version = jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);

        mvc.perform(post("/admin/users/{id}", id).with(as(Role.ADMIN)).with(csrf())
                        .param("displayName", "First Editor").param("roles", "CASEWORKER").param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/users/{id}", id).with(as(Role.ADMIN)).with(csrf())
                        .param("displayName", "Second Editor").param("roles", "CASEWORKER").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this user while you were editing it")))
                .andExpect(content().string(containsString("value=\"Second Editor\"")));
        assertThat(jdbc.queryForObject("select display_name from app_user where id = ?", String.class, id)).isEqualTo("First Editor");
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_event where action = 'user.updated' and subject_id = ? and field = 'displayName'"
                        + " and old_value = 'Original Name' and new_value = 'First Editor'", Integer.class, String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void adminResetsAPasswordWhichMustBeChangedAtNextSignIn() throws Exception {
        long id = userAdmin.create(new NewUser(unique("reset"), "Reset Test", null, EnumSet.of(Role.CASEWORKER), null,
                "Blue-Lantern-River"), "test");
        jdbc.update("update app_user set must_change_password = false, failed_attempts = 5, locked_until = now() + interval '10 minutes' where id = ?", id);
        mvc.perform(post("/admin/users/{id}/password", id).with(as(Role.ADMIN)).with(csrf())
                        .param("password", "Green-Teapot-Harbour").param("confirmPassword", "Green-Teapot-Harbour"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select must_change_password and locked_until is null from app_user where id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void adminMaintainsMembersAndPortfolios() throws Exception {
        String name = "Councillor " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/members").with(as(Role.ADMIN)).with(csrf())
                        .param("fullName", name).param("office", "CABINET_MEMBER").param("active", "true"))
                .andExpect(status().isFound());
        long memberId = jdbc.queryForObject("select id from member where full_name = ?", Long.class, name);
        String portfolio = "Portfolio " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/portfolios").with(as(Role.ADMIN)).with(csrf())
                        .param("name", portfolio).param("memberId", String.valueOf(memberId)).param("active", "true"))
                .andExpect(status().isFound());
        mvc.perform(get("/admin/portfolios").with(as(Role.ADMIN)))
                .andExpect(content().string(containsString(portfolio)))
                .andExpect(content().string(containsString(name)));
        mvc.perform(post("/admin/members").with(as(Role.ADMIN)).with(csrf()).param("fullName", "").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the member&#39;s full name")))
                .andExpect(content().string(containsString("Select the member&#39;s office")));
    }

    @Test
    void userListIsPaginatedAndEscapesWhatUsersTyped() throws Exception {
        userAdmin.create(new NewUser(unique("xss"), "<script>alert(1)</script>", null, EnumSet.of(Role.CASEWORKER), null,
                "Blue-Lantern-River"), "test");
        for (int page = 1; page <= 3; page++) {
            mvc.perform(get("/admin/users?page=" + page).with(as(Role.ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        }
    }
}
