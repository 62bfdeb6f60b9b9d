package org.mayorsoffice.casework.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bell: allocation tells the caseworker in the app and by email; opening a notification marks it read. */
class NotificationsTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    OutboxWorker worker;

    @Test
    void allocatingACaseNotifiesTheCaseworkerInTheAppAndByEmail() throws Exception {
        long caseId = jdbc.queryForObject("select id from casework_case where status = 'NEW' and allocated_to_id is null"
                + " and confidentiality = 'STANDARD' order by id limit 1", Long.class);
        String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
        long mosei = jdbc.queryForObject("select id from app_user where username = 'mosei'", Long.class);
        jdbc.update("update notification set read_at = now() where user_id = ?", mosei);

        mvc.perform(post("/cases/{id}/allocate", caseId).with(user(accounts.loadUserByUsername("coordinator"))).with(csrf())
                        .param("caseworkerId", String.valueOf(mosei)))
                .andExpect(status().is3xxRedirection());

        var asMosei = user(accounts.loadUserByUsername("mosei"));
        mvc.perform(get("/notifications").with(asMosei))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Notifications (1 unread)")))
                .andExpect(content().string(containsString(reference + " has been allocated to you")));
        long notification = jdbc.queryForObject("select id from notification where user_id = ? and read_at is null", Long.class, mosei);

        mvc.perform(post("/notifications/{id}/open", notification).with(asMosei).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + caseId));
        assertThat(jdbc.queryForObject("select read_at is not null from notification where id = ?", Boolean.class, notification)).isTrue();

        worker.deliverDue();
        assertThat(TestMail.receivedBy("mosei@council.example.org"))
                .anySatisfy(m -> assertThat(m.getSubject()).contains(reference + " has been allocated to you"));
    }

    @Test
    void nobodyCanOpenSomeoneElsesNotification() throws Exception {
        long mosei = jdbc.queryForObject("select id from app_user where username = 'mosei'", Long.class);
        long id = jdbc.queryForObject("insert into notification (user_id, message, link) values (?, ?, '/cases/mine') returning id",
                Long.class, mosei, "Private " + UUID.randomUUID());

        mvc.perform(post("/notifications/{id}/open", id).with(user(accounts.loadUserByUsername("jpatel"))).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(jdbc.queryForObject("select read_at is null from notification where id = ?", Boolean.class, id)).isTrue();
    }
}
