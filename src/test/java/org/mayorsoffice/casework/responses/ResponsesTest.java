package org.mayorsoffice.casework.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.responses.ResponseFixtures.CaseFixture;
import org.mayorsoffice.casework.responses.internal.DelegationService;
import org.mayorsoffice.casework.responses.internal.DraftService;
import org.mayorsoffice.casework.responses.internal.DraftViews.Compose;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.Kind;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.TemplateData;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Draft responses against the real database: merging, versions, who may approve, returning, and dispatch. */
@RecordApplicationEvents
class ResponsesTest extends WebTest {

    @Autowired
    DraftService drafts;

    @Autowired
    LetterTemplateService templates;

    @Autowired
    DelegationService delegations;

    @Autowired
    OutboxWorker outboxWorker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService caseService;

    @Autowired
    UserAccountService accounts;

    @Autowired
    ApplicationEvents events;

    ResponseFixtures fixtures;
    CurrentUser caseworker;
    CurrentUser mayor;

    @BeforeEach
    void setUp() {
        fixtures = new ResponseFixtures(jdbc, caseService, accounts);
        caseworker = fixtures.user("caseworker");
        mayor = fixtures.user("mayor");
    }

    private long submittedDraft(CaseFixture c) {
        long draftId = drafts.create(c.caseId(), c.personId(), null, "Thank you for your letter.\n\nThe repair is booked.", caseworker);
        drafts.submit(draftId, caseworker);
        return draftId;
    }

    @Test
    void templatesMergeTheCaseAndPersonAndReportUnknownFields() {
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Damp in the back bedroom");
        long templateId = jdbc.queryForObject("insert into letter_template (name, kind, body) values (?, 'TEMPLATE', ?) returning id",
                Long.class, "Merge test " + c.reference(),
                "To {{person.name}} ({{person.salutation}})\n{{person.address}}\nRe {{case.reference}}: {{case.subject}}\n"
                        + "{{member.name}}, {{member.title}}, {{today}} {{person.nickname}}");

        Compose compose = drafts.compose(c.caseId(), templateId, c.personId(), true, caseworker);

        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertThat(compose.text()).isEqualTo("To Ms Olivia Testwood (Ms Testwood)\n12 Brick Lane\nLondon\nE1 6RF\nRe "
                + c.reference() + ": Damp in the back bedroom\nAisha Rahman, Mayor of Tower Hamlets, " + today
                + " {{person.nickname}}");
        assertThat(compose.unknownFields()).containsExactly("{{person.nickname}}");

        // An administrator cannot save a template with a field the system does not know.
        assertThatThrownBy(() -> templates.create(new TemplateData("Bad fields", Kind.TEMPLATE, "Dear {{person.nmae}}", true), "admin"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("{{person.nmae}}");

        // A draft with an unknown field left in cannot be submitted.
        long draftId = drafts.create(c.caseId(), c.personId(), templateId, compose.text(), caseworker);
        assertThatThrownBy(() -> drafts.submit(draftId, caseworker)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("{{person.nickname}}");
    }

    @Test
    void everySaveKeepsAVersionWithItsAuthorAndTheCaseMovesToDraftResponse() {
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Broken fence");
        long draftId = drafts.create(c.caseId(), c.personId(), fixtures.templateId("Acknowledgement"), "First text", caseworker);
        assertThat(fixtures.caseStatus(c.caseId())).isEqualTo("DRAFT_RESPONSE");

        assertThat(drafts.save(draftId, "Second text", 1, caseworker).version()).isEqualTo(2);
        assertThat(drafts.save(draftId, "Second text", 2, caseworker).changed()).as("unchanged text adds no version").isFalse();
        assertThat(drafts.save(draftId, "Third text", 2, fixtures.user("coordinator")).version()).isEqualTo(3);
        assertThatThrownBy(() -> drafts.save(draftId, "Stale", 2, caseworker))
                .isInstanceOf(org.mayorsoffice.casework.shared.validation.ConcurrentEditException.class);

        List<String> versions = jdbc.queryForList("select number || ':' || author || ':' || text from draft_version"
                + " where draft_id = ? order by number", String.class, draftId);
        assertThat(versions).containsExactly("1:Amira Khan:First text", "2:Amira Khan:Second text", "3:Tom Reilly:Third text");
        assertThat(drafts.version(draftId, 3, caseworker).changes()).extracting(l -> l.change().name() + ":" + l.text())
                .containsExactly("REMOVED:Second text", "ADDED:Third text");
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'DRAFT'", Long.class, c.caseId()))
                .isEqualTo(3);
    }

    @Test
    void onlyTheRightMemberOrTheirDelegateMayApprove() throws Exception {
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Parking permit refused");
        long draftId = submittedDraft(c);
        assertThat(fixtures.caseStatus(c.caseId())).isEqualTo("AWAITING_APPROVAL");
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and message like ? and link = ?",
                Long.class, fixtures.userId("mayor"), "Approval requested: " + c.reference() + "%", "/approvals/" + draftId))
                .isEqualTo(1);

        // Another member: not found, nothing changes.
        CurrentUser deputy = fixtures.deputy();
        assertThatThrownBy(() -> drafts.approve(draftId, null, deputy)).isInstanceOf(NotFoundException.class);
        mvc.perform(post("/approvals/" + draftId + "/approve").with(user(deputy)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/approvals/" + draftId).with(user(deputy))).andExpect(status().isNotFound());
        // A caseworker: refused by the route, and by the service.
        mvc.perform(post("/approvals/" + draftId + "/approve").with(user(caseworker)).with(csrf())).andExpect(status().isForbidden());
        assertThatThrownBy(() -> drafts.approve(draftId, null, caseworker)).isInstanceOf(NotFoundException.class);
        // The head of office: not for a member's case without a delegation.
        assertThatThrownBy(() -> drafts.returnDraft(draftId, "No", fixtures.user("head"))).isInstanceOf(NotFoundException.class);
        assertThat(fixtures.draftStatus(draftId)).isEqualTo("AWAITING_APPROVAL");

        // A delegation that starts tomorrow does not let the deputy approve today.
        jdbc.update("insert into approval_delegation (member_id, delegate_user_id, starts_on, ends_on, created_by)"
                + " values (?, ?, current_date + 1, current_date + 5, 'test')", fixtures.mayorMemberId(), deputy.id());
        assertThatThrownBy(() -> drafts.approve(draftId, null, deputy)).isInstanceOf(NotFoundException.class);
        // ...nor one that ended yesterday.
        jdbc.update("insert into approval_delegation (member_id, delegate_user_id, starts_on, ends_on, created_by)"
                + " values (?, ?, current_date - 5, current_date - 1, 'test')", fixtures.mayorMemberId(), deputy.id());
        assertThatThrownBy(() -> drafts.approve(draftId, null, deputy)).isInstanceOf(NotFoundException.class);
        assertThat(drafts.awaitingApproval(deputy, 100)).extracting(r -> r.draftId()).doesNotContain(draftId);

        // The mayor delegates from today: the deputy sees it in their queue and approves it.
        delegations.add(mayor, deputy.id(), LocalDate.now(), LocalDate.now().plusDays(7));
        assertThat(drafts.awaitingApproval(deputy, 100)).extracting(r -> r.draftId()).contains(draftId);
        drafts.approve(draftId, null, deputy);
        assertThat(fixtures.draftStatus(draftId)).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select approved_by from draft_response where id = ?", String.class, draftId))
                .isEqualTo("Daniel Okafor");
        jdbc.update("update approval_delegation set ended_early_at = now() where delegate_user_id = ?", deputy.id());
    }

    @Test
    void theMayorApprovesTheirOwnAndMayEditFirst() {
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Street lighting out");
        long draftId = submittedDraft(c);
        assertThat(drafts.awaitingApproval(mayor, 100)).extracting(r -> r.draftId()).contains(draftId);

        drafts.approve(draftId, "Thank you for your letter.\n\nThe lights will be fixed on Friday.", mayor);

        assertThat(jdbc.queryForObject("select author || ':' || coalesce(note, '') from draft_version where draft_id = ? and number = 2",
                String.class, draftId)).isEqualTo("Aisha Rahman:Edited on approval");
        assertThat(jdbc.queryForObject("select approved_version from draft_response where id = ?", Integer.class, draftId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and message like ?", Long.class,
                caseworker.id(), "Draft approved: " + c.reference() + "%")).isEqualTo(1);
    }

    @Test
    void theHeadOfOfficeApprovesOfficeLevelCasesAndMembersCannot() {
        CaseFixture c = fixtures.inProgressCase(null, "General enquiry to the office");
        long draftId = submittedDraft(c);
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and message like ?", Long.class,
                fixtures.userId("head"), "Approval requested: " + c.reference() + "%")).isEqualTo(1);
        assertThatThrownBy(() -> drafts.approve(draftId, null, mayor)).isInstanceOf(NotFoundException.class);
        CurrentUser head = fixtures.user("head");
        assertThat(drafts.awaitingApproval(head, 100)).extracting(r -> r.draftId()).contains(draftId);
        drafts.approve(draftId, null, head);
        assertThat(fixtures.draftStatus(draftId)).isEqualTo("APPROVED");
    }

    @Test
    void aReturnedDraftGoesBackToTheDrafterWithTheComments() {
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Missed bin collections");
        long draftId = submittedDraft(c);

        assertThatThrownBy(() -> drafts.returnDraft(draftId, "  ", mayor)).isInstanceOf(RuleViolationException.class);
        drafts.returnDraft(draftId, "Please say when the next collection is.", mayor);

        assertThat(fixtures.draftStatus(draftId)).isEqualTo("RETURNED");
        assertThat(fixtures.caseStatus(c.caseId())).isEqualTo("DRAFT_RESPONSE");
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and message like ? and link = ?",
                Long.class, caseworker.id(), "Draft returned: " + c.reference() + "%Please say when the next collection is.%",
                "/drafts/" + draftId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'APPROVAL'"
                + " and actor = 'Aisha Rahman' and body like '%Please say when the next collection is.%'", Long.class, c.caseId()))
                .isEqualTo(1);

        drafts.save(draftId, "Thank you.\n\nThe next collection is on Tuesday.", 1, caseworker);
        drafts.submit(draftId, caseworker);
        assertThat(fixtures.draftStatus(draftId)).isEqualTo("AWAITING_APPROVAL");
        assertThat(fixtures.caseStatus(c.caseId())).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void dispatchProducesTheLetterEmailsItAndRecordsIt() throws Exception {
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Leak from the flat above");
        long draftId = submittedDraft(c);
        drafts.approve(draftId, null, mayor);

        drafts.dispatch(draftId, true, true, caseworker);

        assertThat(fixtures.caseStatus(c.caseId())).isEqualTo("RESPONSE_SENT");
        assertThat(fixtures.draftStatus(draftId)).isEqualTo("DISPATCHED");
        assertThat(events.stream(ResponseDispatched.class).filter(e -> e.draftId() == draftId).map(ResponseDispatched::channel))
                .containsExactlyInAnyOrder("LETTER", "EMAIL");
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'DISPATCH'", Long.class, c.caseId()))
                .isEqualTo(1);

        // The letter as sent: letterhead, address, date, reference, salutation, body, signature.
        byte[] pdf = mvc.perform(get("/drafts/" + draftId + "/letter.pdf").with(user(caseworker)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf);
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertThat(text).contains("London Borough of Tower Hamlets", "Ms Olivia Testwood", "12 Brick Lane", "E1 6RF", today,
                c.reference(), "Dear Ms Testwood,", "The repair is booked.", "Yours sincerely", "Aisha Rahman",
                "Mayor of Tower Hamlets");
        // Another member may not download it; the stored letter does not change.
        mvc.perform(get("/drafts/" + draftId + "/letter.pdf").with(user(fixtures.deputy()))).andExpect(status().isNotFound());
        byte[] again = mvc.perform(get("/drafts/" + draftId + "/letter.pdf").with(user(caseworker))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(again).isEqualTo(pdf);

        // The email, with the letter attached, once the outbox worker runs.
        outboxWorker.deliverDue();
        List<MimeMessage> received = TestMail.receivedBy(c.email());
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).contains(c.reference());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        boolean attached = false;
        String body = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
                attached = true;
                assertThat(pdfText(part.getInputStream().readAllBytes())).contains(c.reference(), "Aisha Rahman");
            } else if (body == null) {
                body = partText(part);
            }
        }
        assertThat(attached).as("letter attached").isTrue();
        assertThat(body).contains("Dear Ms Testwood,", "The repair is booked.", "Mayor of Tower Hamlets");
    }

    @Test
    void anEmailCannotBeSentToSomeoneWithoutAnAddress() {
        CaseFixture c = fixtures.inProgressCase(fixtures.mayorMemberId(), "Tree overhanging the pavement");
        jdbc.update("update person set email = null where id = ?", c.personId());
        long draftId = submittedDraft(c);
        drafts.approve(draftId, null, mayor);
        assertThatThrownBy(() -> drafts.dispatch(draftId, false, true, caseworker)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("no email address");
        assertThatThrownBy(() -> drafts.dispatch(draftId, false, false, caseworker)).isInstanceOf(RuleViolationException.class);
        assertThat(fixtures.draftStatus(draftId)).isEqualTo("APPROVED");
    }

    @Test
    void delegationDatesAreValidated() {
        CurrentUser deputy = fixtures.deputy();
        assertThatThrownBy(() -> delegations.add(mayor, deputy.id(), LocalDate.now().minusDays(1), LocalDate.now()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("today or in the future");
        assertThatThrownBy(() -> delegations.add(mayor, deputy.id(), LocalDate.now().plusDays(3), LocalDate.now().plusDays(1)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("after the start date");
        assertThatThrownBy(() -> delegations.add(mayor, caseworker.id(), LocalDate.now(), LocalDate.now()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("from the list");
    }

    private static String pdfText(byte[] bytes) throws Exception {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String partText(BodyPart part) throws Exception {
        Object content = part.getContent();
        if (content instanceof MimeMultipart multipart) {
            return partText(multipart.getBodyPart(0));
        }
        return content.toString();
    }
}
