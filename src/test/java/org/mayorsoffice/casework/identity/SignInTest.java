package org.mayorsoffice.casework.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAdminService;
import org.mayorsoffice.casework.identity.internal.UserViews.NewUser;
import org.mayorsoffice.casework.support.SqlStatements;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

class SignInTest extends WebTest {

    static final String DEMO_PASSWORD = "Casework-Demo-2026";
    static final String SESSION_COOKIE = "CASEWORK_SESSION";

    @Autowired
    UserAdminService userAdmin;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demoCaseworkerSignsInAndLandsOnTheirHomePage() throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf())
                        .param("username", "caseworker").param("password", DEMO_PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie signedIn = result.getResponse().getCookie(SESSION_COOKIE);

        mvc.perform(get("/").cookie(signedIn)).andExpect(redirectedUrl("/home/caseworker"));
        mvc.perform(get("/home/caseworker").cookie(signedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My casework")))
                .andExpect(content().string(containsString("Amira Khan")));
    }

    @Test
    void wrongPasswordKeepsTheUsernameAndShowsTheErrorSummary() throws Exception {
        MvcResult failed = mvc.perform(post("/login").with(csrf()).param("username", "coordinator").param("password", "not-the-password"))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        mvc.perform(get("/login").param("error", "").cookie(failed.getResponse().getCookie(SESSION_COOKIE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Enter a correct username and password")))
                .andExpect(content().string(containsString("value=\"coordinator\"")));
    }

    @Test
    void unknownUserGetsExactlyTheSameAnswerAsAWrongPassword() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "nobody-" + UUID.randomUUID()).param("password", "whatever"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        String username = "lock." + UUID.randomUUID().toString().substring(0, 8);
        String password = "Correct-Horse-Battery-9";
        long id = userAdmin.create(new NewUser(username, "Lock Test", null, EnumSet.of(Role.CASEWORKER), null, password), "test");

        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // The right password still works before the fifth failure ...
        assertThat(jdbc.queryForObject("select failed_attempts from app_user where id = ?", Integer.class, id)).isEqualTo(4);
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong-5"))
                .andExpect(redirectedUrl("/login?error"));
        // ... but not after it.
        assertThat(jdbc.queryForObject("select locked_until is not null from app_user where id = ?", Boolean.class, id)).isTrue();
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'sign-in.locked' and subject_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        mvc.perform(post("/admin/users/{id}/unlock", id).with(csrf()).with(as(Role.ADMIN)))
                .andExpect(redirectedUrl("/admin/users/" + id));
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void aLockExpiresAfterFifteenMinutes() throws Exception {
        String username = "expiry." + UUID.randomUUID().toString().substring(0, 8);
        String password = "Correct-Horse-Battery-9";
        long id = userAdmin.create(new NewUser(username, "Expiry Test", null, EnumSet.of(Role.CASEWORKER), null, password), "test");
        jdbc.update("update app_user set failed_attempts = 5, locked_until = now() - interval '1 second' where id = ?", id);
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String username = "temp." + UUID.randomUUID().toString().substring(0, 8);
        String password = "Temporary-Password-42";
        userAdmin.create(new NewUser(username, "Temp Test", null, EnumSet.of(Role.CASEWORKER), null, password), "test");
        MvcResult signIn = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(redirectedUrl("/account/password"))
                .andReturn();
        Cookie session = signIn.getResponse().getCookie(SESSION_COOKIE);
        mvc.perform(get("/home/caseworker").cookie(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", password).param("newPassword", "short").param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Password must be 12 characters or more")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", password).param("newPassword", "Orange-Kettle-Bridge")
                        .param("confirmPassword", "Orange-Kettle-Bridge"))
                .andExpect(redirectedUrl("/home/caseworker"));
        mvc.perform(get("/home/caseworker").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "Orange-Kettle-Bridge"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void deactivatedUsersCannotSignIn() throws Exception {
        String username = "gone." + UUID.randomUUID().toString().substring(0, 8);
        String password = "Correct-Horse-Battery-9";
        long id = userAdmin.create(new NewUser(username, "Gone Test", null, EnumSet.of(Role.CASEWORKER), null, password), "test");
        userAdmin.setEnabled(id, false, "test");
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void formsRefuseRequestsWithoutAValidCsrfToken() throws Exception {
        mvc.perform(post("/login").with(csrf().useInvalidToken()).param("username", "caseworker").param("password", DEMO_PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as(Role.CASEWORKER)).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/1/deactivate").with(as(Role.ADMIN)).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        // With no token at all (e.g. the session expired while a form was open) the user is sent to sign in again.
        mvc.perform(post("/login").param("username", "caseworker").param("password", DEMO_PASSWORD))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(jdbc.queryForObject("select enabled from app_user where id = 1", Boolean.class)).isTrue();
    }

    /** Signs in through the form and answers the session cookie. */
    private Cookie signIn(String username) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", DEMO_PASSWORD))
                .andReturn().getResponse().getCookie(SESSION_COOKIE);
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        Cookie session = signIn("support");
        mvc.perform(get("/home/support-officer").cookie(session)).andExpect(status().isOk());
        String sessions = "select count(*) from spring_session where principal_name = 'support'";
        long before = jdbc.queryForObject(sessions, Long.class);
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
        // Sessions are kept in the database (Spring Session JDBC): signing out deletes this one there.
        assertThat(jdbc.queryForObject(sessions, Long.class)).isEqualTo(before - 1);
        mvc.perform(get("/home/support-officer").cookie(session)).andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @Test
    void aSessionIsWrittenOnlyWhenItsStoredAccessTimeIsAMinuteOldNotOnEveryPage() throws Exception {
        Cookie session = signIn("support");
        mvc.perform(get("/home/support-officer").cookie(session)).andExpect(status().isOk());
        String row = "select last_access_time || '/' || xmin::text from spring_session where session_id = ?";
        String sessionId = new String(java.util.Base64.getDecoder().decode(session.getValue()));
        String stored = jdbc.queryForObject(row, String.class, sessionId);
        for (int i = 0; i < 3; i++) {
            SqlStatements.reset();
            mvc.perform(get("/home/support-officer").cookie(session)).andExpect(status().isOk());
            // Not even sent: nothing but the access time changed, and the stored one is less than a minute old.
            assertThat(SqlStatements.sql()).as("statements of a page view within the minute")
                    .noneMatch(sql -> sql.toUpperCase(Locale.ROOT).contains("UPDATE SPRING_SESSION"));
            // The session is read by one statement outside any transaction (no BEGIN and COMMIT round trips).
            assertThat(sessionReads()).isEqualTo(1);
            assertThat(SqlStatements.sqlInTransactions()).as("statements run inside a transaction")
                    .noneMatch(sql -> sql.toUpperCase(Locale.ROOT).contains("FROM SPRING_SESSION S"));
        }
        assertThat(jdbc.queryForObject(row, String.class, sessionId)).as("three page views within the minute: no write")
                .isEqualTo(stored);
        // Once the stored access time is a minute old, the next page view moves it (and the expiry) on.
        jdbc.update("update spring_session set last_access_time = last_access_time - 61000, expiry_time = expiry_time - 61000"
                + " where session_id = ?", sessionId);
        long aged = jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class, sessionId);
        mvc.perform(get("/home/support-officer").cookie(session)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class, sessionId))
                .isGreaterThan(aged + 60_000);
        assertThat(jdbc.queryForObject("select principal_name from spring_session where session_id = ?", String.class, sessionId))
                .isEqualTo("support");
    }

    @Test
    void aPageViewReadsItsSessionFromTheDatabaseOnce() throws Exception {
        Cookie session = signIn("caseworker");
        // A large page (committed before the request ends) and a redirect (committed by the redirect itself).
        SqlStatements.reset();
        mvc.perform(get("/cases/mine").cookie(session)).andExpect(status().isOk());
        assertThat(sessionReads()).as("session reads for My cases").isEqualTo(1);
        SqlStatements.reset();
        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(sessionReads()).as("session reads for a redirect").isEqualTo(1);
        // Still signed in, and a sign-out still ends the session.
        mvc.perform(get("/cases/mine").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/mine").cookie(session)).andExpect(status().is3xxRedirection());
    }

    private static long sessionReads() {
        return SqlStatements.sql().stream().filter(sql -> sql.toUpperCase(Locale.ROOT).contains("FROM SPRING_SESSION S")).count();
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/home/caseworker", "/no-such-page"}) {
            mvc.perform(get(path).with(as(Role.CASEWORKER)))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        }
    }

    @Test
    void pagesNeverShowStackTracesOrWhitelabelErrors() throws Exception {
        mvc.perform(get("/no-such-page").with(as(Role.CASEWORKER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/999999").with(as(Role.ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/not-a-number").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
