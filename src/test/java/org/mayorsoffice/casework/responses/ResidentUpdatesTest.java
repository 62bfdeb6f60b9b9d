package org.mayorsoffice.casework.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.responses.ResponseFixtures.CaseFixture;
import org.mayorsoffice.casework.responses.internal.ResidentUpdateService;
import org.mayorsoffice.casework.responses.internal.ResidentUpdateService.Channel;
import org.mayorsoffice.casework.responses.internal.ResidentUpdateService.Compose;
import org.mayorsoffice.casework.responses.internal.ResidentUpdateService.UpdateKind;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Acknowledgements and holding replies: through the outbox or as a letter, recorded, respecting preferences. */
class ResidentUpdatesTest extends WebTest {

    @Autowired
    ResidentUpdateService updates;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService caseService;

    @Autowired
    UserAccountService accounts;

    ResponseFixtures fixtures;
    CurrentUser caseworker;

    @BeforeEach
    void setUp() {
        fixtures = new ResponseFixtures(jdbc, caseService, accounts);
        caseworker = fixtures.user("caseworker");
    }

    @Test
    void anAcknowledgementGoesByEmailThroughTheOutboxWithTheReferenceAndReplyDate() throws Exception {
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Missed bin collection");
        LocalDate due = jdbc.queryForObject("select external_due_on from casework_case where id = ?", LocalDate.class, c.caseId());
        String replyBy = due.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));

        Compose compose = updates.compose(c.caseId(), UpdateKind.ACKNOWLEDGEMENT, null, null, caseworker);
        assertThat(compose.channel()).isEqualTo(Channel.EMAIL);
        assertThat(compose.personId()).isEqualTo(c.personId());
        assertThat(compose.text()).contains(c.reference()).contains("Missed bin collection");
        assertThat(compose.languageNote()).isNull();

        String page = mvc.perform(post("/cases/" + c.caseId() + "/acknowledgement").with(user(caseworker)).with(csrf())
                        .param("personId", String.valueOf(c.personId())).param("channel", "EMAIL").param("text", compose.text()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + c.caseId()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).isEmpty();

        var email = jdbc.queryForMap("select to_address, subject, body, source from outbox_email where source = ? order by id desc limit 1",
                "resident-update:" + c.caseId());
        assertThat(email.get("to_address")).isEqualTo(c.email());
        assertThat((String) email.get("subject")).isEqualTo("Acknowledgement: Missed bin collection (" + c.reference() + ")");
        assertThat((String) email.get("body")).startsWith("Dear Ms Testwood,")
                .contains("Our reference: " + c.reference(), "You can expect a full reply by " + replyBy + ".", "Aisha Rahman");
        assertThat(jdbc.queryForObject("select count(*) from resident_update where case_id = ? and kind = 'ACKNOWLEDGEMENT'"
                + " and channel = 'EMAIL' and sent_by = 'Amira Khan' and reply_by = ?", Long.class, c.caseId(), due)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and body like 'Acknowledgement sent to%by email%'",
                Long.class, c.caseId())).isEqualTo(1);
        assertThat(updates.compose(c.caseId(), UpdateKind.ACKNOWLEDGEMENT, null, null, caseworker).sent()).hasSize(1);
    }

    @Test
    void aResidentWhoPrefersLettersGetsALetterAndAnotherLanguageIsPointedOut() {
        CaseFixture c = fixtures.inProgressCase(null, "Noise from the pub");
        jdbc.update("update person set preferred_contact = 'LETTER', preferred_language = 'Bengali' where id = ?", c.personId());
        long emailsBefore = jdbc.queryForObject("select count(*) from outbox_email where source = ?", Long.class,
                "resident-update:" + c.caseId());

        Compose compose = updates.compose(c.caseId(), UpdateKind.HOLDING_REPLY, null, null, caseworker);
        assertThat(compose.channel()).isEqualTo(Channel.LETTER);
        assertThat(compose.preferredContact()).isEqualTo("Letter");
        assertThat(compose.languageNote()).contains("prefers Bengali");
        assertThat(compose.text()).contains(c.reference());

        long id = updates.send(c.caseId(), UpdateKind.HOLDING_REPLY, c.personId(), Channel.LETTER, compose.text(), caseworker);
        assertThat(jdbc.queryForObject("select octet_length(letter_pdf) > 1000 from resident_update where id = ?", Boolean.class, id)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from outbox_email where source = ?", Long.class,
                "resident-update:" + c.caseId())).isEqualTo(emailsBefore);
        assertThat(updates.letter(c.caseId(), id, caseworker).content()).startsWith("%PDF".getBytes());
    }

    @Test
    void sendingChecksWhoHowAndWhat() {
        CaseFixture c = fixtures.inProgressCase(null, "Pothole");
        jdbc.update("update person set email = null where id = ?", c.personId());
        assertThat(updates.compose(c.caseId(), UpdateKind.ACKNOWLEDGEMENT, null, null, caseworker).channel()).isEqualTo(Channel.LETTER);
        assertThatThrownBy(() -> updates.send(c.caseId(), UpdateKind.ACKNOWLEDGEMENT, c.personId(), Channel.EMAIL, "Text", caseworker))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("has no email address");
        assertThatThrownBy(() -> updates.send(c.caseId(), UpdateKind.ACKNOWLEDGEMENT, c.personId(), Channel.LETTER, " ", caseworker))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("Enter the text");
        assertThatThrownBy(() -> updates.send(c.caseId(), UpdateKind.ACKNOWLEDGEMENT, c.personId(), Channel.LETTER,
                "Dear {{person.nmae}}", caseworker)).isInstanceOf(RuleViolationException.class).hasMessageContaining("Replace");
        assertThatThrownBy(() -> updates.send(c.caseId(), UpdateKind.ACKNOWLEDGEMENT, 999999L, Channel.LETTER, "Hello", caseworker))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("Select who");
    }

    @Test
    void theCasePagePromptsForAHoldingReplyOncePastTheInternalTarget() throws Exception {
        CaseFixture c = fixtures.inProgressCase(null, "Overgrown trees");
        String onTime = mvc.perform(get("/cases/" + c.caseId()).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(onTime).doesNotContain("Send the resident a holding reply");

        jdbc.update("update casework_case set internal_due_on = ? where id = ?", LocalDate.now().minusDays(1), c.caseId());
        String late = mvc.perform(get("/cases/" + c.caseId()).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(late).contains("without a response", "Send the resident a holding reply");

        String form = mvc.perform(get("/cases/" + c.caseId() + "/holding-reply").with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Send a holding reply", "My office has asked the relevant council service");

        String errors = mvc.perform(post("/cases/" + c.caseId() + "/holding-reply").with(user(caseworker)).with(csrf())
                        .param("personId", String.valueOf(c.personId())).param("channel", "EMAIL").param("text", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(errors).contains("govuk-error-summary", "Enter the text of the holding reply");

        updates.send(c.caseId(), UpdateKind.HOLDING_REPLY, c.personId(), Channel.EMAIL, "We are still waiting.", caseworker);
        assertThat(jdbc.queryForObject("select count(*) from outbox_email where source = ? and body like '%We are still waiting.%'",
                Long.class, "resident-update:" + c.caseId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from resident_update where case_id = ? and kind = 'HOLDING_REPLY'",
                Long.class, c.caseId())).isEqualTo(1);
    }
}
