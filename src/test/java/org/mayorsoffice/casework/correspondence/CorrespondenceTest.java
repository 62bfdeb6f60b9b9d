package org.mayorsoffice.casework.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.mayorsoffice.casework.correspondence.internal.CampaignService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.responses.ResponseDispatched;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The correspondence register, triage, campaigns and outgoing responses through the real application and database. */
class CorrespondenceTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseService cases;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CorrespondenceStats stats;

    @Autowired
    OutboxWorker outbox;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Logs an incoming email through the form; returns the item's id. */
    private long logEmail(String name, String email, String subject) throws Exception {
        LocalDate today = LocalDate.now();
        MvcResult result = mvc.perform(post("/correspondence").with(as(Role.COORDINATOR)).with(csrf())
                        .param("direction", "IN").param("channel", "EMAIL")
                        .param("occurredOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("occurredOnMonth", String.valueOf(today.getMonthValue()))
                        .param("occurredOnYear", String.valueOf(today.getYear()))
                        .param("senderName", name).param("senderEmail", email == null ? "" : email)
                        .param("subject", subject).param("body", "The lift in my block has been broken for a month."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/correspondence/*"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long openCase(String subject, Confidentiality confidentiality, String as) {
        long personId = jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values"
                + " ('RESIDENT', 'Case', ?, 'test') returning id", Long.class, "Person-" + unique());
        return cases.open(new OpenCase(jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class),
                Channel.EMAIL, subject, null, null, null, null, null, Priority.NORMAL, confidentiality, LawfulBasis.PUBLIC_TASK,
                false, LocalDate.now(), List.of(personId)), accounts.loadUserByUsername(as));
    }

    private String itemStatus(long itemId) {
        return jdbc.queryForObject("select status from correspondence_item where id = ?", String.class, itemId);
    }

    // ----- logging -----

    @Test
    void loggingKeepsEveryValueAndExplainsEachProblem() throws Exception {
        mvc.perform(post("/correspondence").with(as(Role.CASEWORKER)).with(csrf())
                        .param("direction", "IN").param("channel", "LETTER")
                        .param("occurredOnDay", "31").param("occurredOnMonth", "2").param("occurredOnYear", "2026")
                        .param("senderName", "Mrs Edith Blackwell").param("senderEmail", "not-an-email")
                        .param("senderAddress", "12 Mile End Road").param("subject", "")
                        .param("body", "Handwritten letter about the damp."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Error: Log correspondence")))
                .andExpect(content().string(containsString("Enter the subject")))
                .andExpect(content().string(containsString("The date must be a real date")))
                .andExpect(content().string(containsString("Mrs Edith Blackwell")))
                .andExpect(content().string(containsString("12 Mile End Road")))
                .andExpect(content().string(containsString("Handwritten letter about the damp.")))
                .andExpect(content().string(containsString("value=\"31\"")));

        mvc.perform(post("/correspondence").with(as(Role.CASEWORKER)).with(csrf())
                        .param("direction", "IN").param("channel", "EMAIL")
                        .param("occurredOnDay", "1").param("occurredOnMonth", "3").param("occurredOnYear", "2026")
                        .param("senderName", "Edith").param("senderEmail", "not-an-email").param("subject", "Damp"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter an email address in the correct format")))
                .andExpect(content().string(containsString("value=\"not-an-email\"")));
    }

    @Test
    void anIncomingItemGoesToTheTriageInboxWithItsAttachmentAndIsLinkedToTheWriterByEmail() throws Exception {
        String email = "writer-" + unique() + "@example.org";
        long personId = jdbc.queryForObject("insert into person (kind, first_name, last_name, email, created_by) values"
                + " ('RESIDENT', 'Nadia', 'Writer', ?, 'test') returning id", Long.class, email);
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        LocalDate today = LocalDate.now();
        MvcResult result = mvc.perform(multipart("/correspondence")
                        .file(new MockMultipartFile("files", "letter.pdf", "application/pdf", pdf))
                        .with(as(Role.COORDINATOR)).with(csrf())
                        .param("direction", "IN").param("channel", "EMAIL")
                        .param("occurredOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("occurredOnMonth", String.valueOf(today.getMonthValue()))
                        .param("occurredOnYear", String.valueOf(today.getYear()))
                        .param("senderName", "Nadia Writer").param("senderEmail", email.toUpperCase())
                        .param("subject", "Scanned letter " + unique()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", "Logged. The item is in the triage inbox."))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(itemStatus(id)).isEqualTo("IN_TRIAGE");
        assertThat(jdbc.queryForObject("select person_id from correspondence_item where id = ?", Long.class, id)).isEqualTo(personId);
        assertThat(jdbc.queryForObject("select logged_by from correspondence_item where id = ?", String.class, id))
                .isEqualTo("Test Casework coordinator");

        long attachmentId = jdbc.queryForObject("select id from correspondence_attachment where item_id = ?", Long.class, id);
        mvc.perform(get("/correspondence/{id}", id).with(as(Role.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("letter.pdf")))
                .andExpect(content().string(containsString("Not distributed yet")));
        mvc.perform(get("/correspondence/attachments/{id}", attachmentId).with(as(Role.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes(pdf));

        // Not a real PDF: refused by its content, whatever its name says.
        mvc.perform(multipart("/correspondence")
                        .file(new MockMultipartFile("files", "invoice.pdf", "application/pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                        .with(as(Role.COORDINATOR)).with(csrf())
                        .param("direction", "IN").param("channel", "EMAIL")
                        .param("occurredOnDay", "1").param("occurredOnMonth", "3").param("occurredOnYear", "2026")
                        .param("senderName", "Nadia Writer").param("subject", "Bad file"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The selected file must be a PDF, Word (.docx), JPEG, PNG, text or email (.eml) file")));

        mvc.perform(get("/correspondence/triage").with(as(Role.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Triage inbox")));
        mvc.perform(get("/correspondence").param("direction", "IN").param("channel", "EMAIL").param("status", "IN_TRIAGE")
                        .with(as(Role.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Correspondence register")));
    }

    // ----- triage -----

    @Test
    void anItemAttachedToACaseIsOnTheCaseTimelineAndCannotBeDistributedTwice() throws Exception {
        String subject = "Lift broken at Brindley House " + unique();
        long caseId = openCase(subject, Confidentiality.STANDARD, "coordinator");
        String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
        long id = logEmail("Farida Hussain", "farida-" + unique() + "@example.org", "More about the lift " + unique());

        mvc.perform(get("/correspondence/{id}/attach", id).param("q", reference).with(signedIn("coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reference)));
        mvc.perform(post("/correspondence/{id}/attach", id).with(signedIn("coordinator")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select the case to attach it to")));
        mvc.perform(post("/correspondence/{id}/attach", id).param("caseId", String.valueOf(caseId))
                        .with(signedIn("coordinator")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", "Attached to case " + reference + "."));

        assertThat(itemStatus(id)).isEqualTo("ATTACHED");
        assertThat(jdbc.queryForObject("select distributed_by from correspondence_item where id = ?", String.class, id))
                .isEqualTo("Tom Reilly");
        String timeline = jdbc.queryForObject("select body from case_event where case_id = ? and kind = 'CORRESPONDENCE'",
                String.class, caseId);
        assertThat(timeline).contains("Email from Farida Hussain").contains("/correspondence/" + id);
        mvc.perform(get("/cases/{id}", caseId).with(signedIn("coordinator")))
                .andExpect(content().string(containsString("Email from Farida Hussain")));

        // A second distribution (here: no action) is refused with a clear message, and nothing changes.
        mvc.perform(post("/correspondence/{id}/no-action", id).param("reason", "Duplicate").with(as(Role.COORDINATOR)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/correspondence/" + id))
                .andExpect(flash().attribute("important", "This item has already been distributed to case " + reference
                        + " by Tom Reilly. Nothing was changed."));
        long otherCase = openCase("Another case " + unique(), Confidentiality.STANDARD, "coordinator");
        mvc.perform(post("/correspondence/{id}/attach", id).param("caseId", String.valueOf(otherCase))
                        .with(signedIn("coordinator")).with(csrf()))
                .andExpect(flash().attribute("important", containsString("already been distributed")));
        assertThat(itemStatus(id)).isEqualTo("ATTACHED");
        assertThat(jdbc.queryForObject("select case_id from correspondence_item where id = ?", Long.class, id)).isEqualTo(caseId);
        mvc.perform(get("/correspondence/{id}", id).with(signedIn("coordinator")))
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("Tom Reilly")));
    }

    @Test
    void aCaseIsCreatedFromAnItemPrefilledFromIt() throws Exception {
        String subject = "Rats in the bin store " + unique();
        String email = "rats-" + unique() + "@example.org";
        long id = logEmail("Oliver Rahman", email, subject);

        mvc.perform(get("/correspondence/{id}/new-case", id).with(signedIn("coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + subject + "\"")))
                .andExpect(content().string(containsString("The lift in my block has been broken for a month.")))
                .andExpect(content().string(containsString("Add Oliver Rahman to the people directory")))
                .andExpect(content().string(containsString("received by email")));

        // The person is required.
        mvc.perform(post("/correspondence/{id}/new-case", id).with(signedIn("coordinator")).with(csrf())
                        .param("caseTypeId", jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", String.class))
                        .param("subject", subject).param("description", "Kept text")
                        .param("receivedOnDay", "1").param("receivedOnMonth", "3").param("receivedOnYear", String.valueOf(LocalDate.now().getYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select the person the case is about")))
                .andExpect(content().string(containsString("Kept text")));

        LocalDate today = LocalDate.now();
        MvcResult result = mvc.perform(post("/correspondence/{id}/new-case", id).with(signedIn("coordinator")).with(csrf())
                        .param("caseTypeId", jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", String.class))
                        .param("subject", subject).param("description", "Rats seen daily.").param("personChoice", "new")
                        .param("receivedOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("receivedOnMonth", String.valueOf(today.getMonthValue()))
                        .param("receivedOnYear", String.valueOf(today.getYear())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/cases/*"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        long caseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("select channel from casework_case where id = ?", String.class, caseId)).isEqualTo("EMAIL");
        assertThat(jdbc.queryForObject("select subject from casework_case where id = ?", String.class, caseId)).isEqualTo(subject);
        long personId = jdbc.queryForObject("select person_id from case_person where case_id = ?", Long.class, caseId);
        assertThat(jdbc.queryForObject("select email from person where id = ?", String.class, personId)).isEqualTo(email);
        assertThat(itemStatus(id)).isEqualTo("NEW_CASE");
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'CORRESPONDENCE'",
                Long.class, caseId)).isEqualTo(1);

        // Once only: the form is not offered again, and a second post opens no second case.
        mvc.perform(get("/correspondence/{id}/new-case", id).with(signedIn("coordinator")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("important", containsString("already been distributed")));
        long before = jdbc.queryForObject("select count(*) from casework_case", Long.class);
        mvc.perform(post("/correspondence/{id}/new-case", id).with(signedIn("coordinator")).with(csrf())
                        .param("caseTypeId", jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", String.class))
                        .param("subject", subject).param("personChoice", String.valueOf(personId))
                        .param("receivedOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("receivedOnMonth", String.valueOf(today.getMonthValue()))
                        .param("receivedOnYear", String.valueOf(today.getYear())))
                .andExpect(flash().attribute("important", containsString("already been distributed")));
        assertThat(jdbc.queryForObject("select count(*) from casework_case", Long.class)).isEqualTo(before);
    }

    @Test
    void noActionNeedsAReason() throws Exception {
        long id = logEmail("Advertiser", "sales-" + unique() + "@example.com", "Office furniture offer " + unique());
        mvc.perform(post("/correspondence/{id}/no-action", id).param("reason", " ").with(as(Role.COORDINATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter why no action is needed")));
        assertThat(itemStatus(id)).isEqualTo("IN_TRIAGE");
        mvc.perform(post("/correspondence/{id}/no-action", id).param("reason", "Advertising").with(as(Role.COORDINATOR)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/correspondence/triage"));
        assertThat(itemStatus(id)).isEqualTo("NO_ACTION");
        mvc.perform(get("/correspondence/{id}", id).with(as(Role.CASEWORKER)))
                .andExpect(content().string(containsString("No action: Advertising")));
    }

    @Test
    void anItemOnARestrictedCaseIsHiddenFromThoseWhoCannotSeeTheCase() throws Exception {
        String subject = "Safeguarding concern " + unique();
        long caseId = openCase(subject, Confidentiality.RESTRICTED, "head");
        String itemSubject = "Confidential letter " + unique();
        long id = logEmail("Private Writer", null, itemSubject);
        mvc.perform(post("/correspondence/{id}/attach", id).param("caseId", String.valueOf(caseId))
                        .with(signedIn("head")).with(csrf()))
                .andExpect(status().isFound());
        long attachmentId = jdbc.queryForObject("insert into correspondence_attachment (item_id, file_name, content_type,"
                + " size_bytes, sha256, content) values (?, 'note.txt', 'text/plain;charset=UTF-8', 2, ?, ?) returning id",
                Long.class, id, "0".repeat(64), "hi".getBytes(StandardCharsets.UTF_8));

        mvc.perform(get("/correspondence/{id}", id).with(signedIn("caseworker"))).andExpect(status().isNotFound());
        mvc.perform(get("/correspondence/attachments/{id}", attachmentId).with(signedIn("caseworker"))).andExpect(status().isNotFound());
        String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
        long attachedSeenByCaseworker = jdbc.queryForObject("select count(*) from correspondence_item i join casework_case c"
                + " on c.id = i.case_id where i.status = 'ATTACHED' and c.confidentiality <> 'RESTRICTED'", Long.class)
                + jdbc.queryForObject("select count(*) from correspondence_item i join casework_case c on c.id = i.case_id"
                + " join app_user u on u.id = c.allocated_to_id where i.status = 'ATTACHED' and c.confidentiality = 'RESTRICTED'"
                + " and u.username = 'caseworker'", Long.class)
                + jdbc.queryForObject("select count(*) from correspondence_item i join case_access a on a.case_id = i.case_id"
                + " join app_user u on u.id = a.user_id join casework_case c on c.id = i.case_id where i.status = 'ATTACHED'"
                + " and c.confidentiality = 'RESTRICTED' and u.username = 'caseworker'"
                + " and (c.allocated_to_id is null or c.allocated_to_id <> u.id)", Long.class);
        var listed = mvc.perform(get("/correspondence").param("status", "ATTACHED").with(signedIn("caseworker")))
                .andExpect(content().string(not(containsString(itemSubject))))
                .andExpect(content().string(not(containsString(reference))))
                .andExpect(content().string(not(containsString("restricted case"))))
                .andReturn();
        assertThat(((org.mayorsoffice.casework.shared.web.PageView<?>) listed.getModelAndView().getModel().get("items")).totalElements())
                .as("not even counted").isEqualTo(attachedSeenByCaseworker);
        mvc.perform(get("/correspondence").param("status", "ATTACHED").with(signedIn("head")))
                .andExpect(content().string(containsString(itemSubject)));
        mvc.perform(get("/correspondence/{id}", id).with(signedIn("head")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(itemSubject)));
    }

    // ----- campaigns -----

    @Test
    void nearDuplicatesAreSuggestedGroupedApprovedAndAnsweredOncePerWriter() throws Exception {
        String tag = unique();
        String topic = "Objection to closing Cable Street library " + tag;
        String[] names = {"Ada Lovelace", "Brian Cox", "Chidi Okoye"};
        long[] ids = new long[5];
        String[] emails = new String[3];
        for (int i = 0; i < 3; i++) {
            emails[i] = "campaign-" + i + "-" + tag + "@example.org";
            ids[i] = logEmail(names[i], emails[i], (i == 1 ? "Re: " : "") + topic + (i == 2 ? " please" : ""));
        }
        ids[3] = logEmail("Dora Post", null, topic); // no email address: needs a posted letter
        ids[4] = logEmail(names[0], emails[0].toUpperCase(), "Again: " + topic); // wrote twice: one reply

        assertThat(campaigns.suggestions()).anySatisfy(s -> assertThat(s.items()).extracting(r -> r.id())
                .contains(ids[0], ids[1], ids[2], ids[3]));
        mvc.perform(get("/correspondence/triage").with(as(Role.COORDINATOR)))
                .andExpect(content().string(containsString("Possible campaigns")));

        // Nothing selected: the triage inbox explains.
        mvc.perform(post("/correspondence/campaigns").param("title", "Library").with(as(Role.COORDINATOR)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/correspondence/triage"))
                .andExpect(flash().attributeExists("org.springframework.validation.BindingResult.form"));

        MvcResult created = mvc.perform(post("/correspondence/campaigns").with(signedIn("coordinator")).with(csrf())
                        .param("action", "create").param("title", "Cable Street library " + tag)
                        .param("itemIds", String.valueOf(ids[0]), String.valueOf(ids[1]), String.valueOf(ids[2])))
                .andExpect(status().isFound()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        long campaignId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/correspondence/campaigns").with(signedIn("coordinator")).with(csrf())
                        .param("action", "add").param("campaignId", String.valueOf(campaignId))
                        .param("itemIds", String.valueOf(ids[3]), String.valueOf(ids[4])))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", "2 items added to the campaign."));
        for (long id : ids) {
            assertThat(itemStatus(id)).isEqualTo("CAMPAIGN");
        }
        mvc.perform(get("/correspondence/triage").with(as(Role.COORDINATOR)))
                .andExpect(content().string(not(containsString(topic))));

        // Sending before approval is refused.
        mvc.perform(post("/correspondence/campaigns/{id}/send", campaignId).with(signedIn("coordinator")).with(csrf()))
                .andExpect(flash().attribute("important", "The standard response must be approved before it is sent"));

        long version = jdbc.queryForObject("select version from correspondence_campaign where id = ?", Long.class, campaignId);
        mvc.perform(post("/correspondence/campaigns/{id}/response", campaignId).with(signedIn("coordinator")).with(csrf())
                        .param("responseSubject", "The future of Cable Street library").param("responseText", "")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the standard response")));
        mvc.perform(post("/correspondence/campaigns/{id}/response", campaignId).with(signedIn("coordinator")).with(csrf())
                        .param("responseSubject", "The future of Cable Street library")
                        .param("responseText", "Thank you for writing about the library. It will stay open.")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isFound());

        // A caseworker may not approve; the Mayor may.
        mvc.perform(post("/correspondence/campaigns/{id}/approve", campaignId).with(signedIn("caseworker")).with(csrf()))
                .andExpect(status().isForbidden());
        version = jdbc.queryForObject("select version from correspondence_campaign where id = ?", Long.class, campaignId);
        mvc.perform(post("/correspondence/campaigns/{id}/approve", campaignId).param("version", String.valueOf(version))
                        .with(signedIn("mayor")).with(csrf()))
                .andExpect(flash().attribute("success", "Standard response approved."));
        assertThat(jdbc.queryForObject("select approved_by from correspondence_campaign where id = ?", String.class, campaignId))
                .isEqualTo("Aisha Rahman");

        // Editing after approval withdraws it; approve again (head of office).
        version = jdbc.queryForObject("select version from correspondence_campaign where id = ?", Long.class, campaignId);
        mvc.perform(post("/correspondence/campaigns/{id}/response", campaignId).with(signedIn("coordinator")).with(csrf())
                        .param("responseSubject", "The future of Cable Street library")
                        .param("responseText", "Thank you for writing about Cable Street library. The Mayor has decided it will stay open.")
                        .param("version", String.valueOf(version)))
                .andExpect(flash().attribute("success", containsString("needs approving again")));
        assertThat(jdbc.queryForObject("select status from correspondence_campaign where id = ?", String.class, campaignId))
                .isEqualTo("DRAFTING");
        version = jdbc.queryForObject("select version from correspondence_campaign where id = ?", Long.class, campaignId);
        mvc.perform(post("/correspondence/campaigns/{id}/approve", campaignId).param("version", String.valueOf(version))
                        .with(signedIn("head")).with(csrf()))
                .andExpect(flash().attribute("success", "Standard response approved."));

        mvc.perform(get("/correspondence/campaigns/{id}", campaignId).with(signedIn("coordinator")))
                .andExpect(content().string(containsString("Send the response to all 3 writers")))
                .andExpect(content().string(containsString("Needs a posted letter")));
        mvc.perform(post("/correspondence/campaigns/{id}/send", campaignId).with(signedIn("coordinator")).with(csrf()))
                .andExpect(flash().attribute("success", "Response sent by email to 3 writers; 1 writer needs a posted letter."));
        mvc.perform(post("/correspondence/campaigns/{id}/send", campaignId).with(signedIn("coordinator")).with(csrf()))
                .andExpect(flash().attribute("important", "The response has already been sent to every writer"));

        outbox.deliverDue();
        for (int i = 0; i < 3; i++) {
            var received = TestMail.receivedBy(emails[i]);
            assertThat(received).hasSize(1);
            assertThat(received.get(0).getSubject()).isEqualTo("The future of Cable Street library");
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received.get(0)))
                    .contains("Dear " + names[i]).contains("will stay open");
        }
        assertThat(jdbc.queryForList("select reply_to_item_id from correspondence_item where campaign_id = ? and direction = 'OUT'",
                Long.class, campaignId)).containsExactlyInAnyOrder(ids[0], ids[1], ids[2]);
        assertThat(jdbc.queryForObject("select approved_by from correspondence_item where campaign_id = ? and direction = 'OUT' limit 1",
                String.class, campaignId)).isEqualTo("Helen Marsh");

        // For reports, the campaign is one piece of work.
        LocalDate today = LocalDate.now();
        var before = stats.counts(today, today);
        logEmail("Someone Else", null, "Unrelated " + tag);
        var after = stats.counts(today, today);
        assertThat(after.piecesOfWork()).isEqualTo(before.piecesOfWork() + 1);
        assertThat(before.piecesOfWork()).isLessThan(before.incoming());
    }

    // ----- outgoing -----

    @Test
    void aDispatchedResponseIsRecordedAsOutgoingOnItsCase() {
        long caseId = openCase("Parking fine appeal " + unique(), Confidentiality.STANDARD, "coordinator");
        transactions.executeWithoutResult(s -> events.publishEvent(new ResponseDispatched(caseId, 42L, "EMAIL", "Jane Doe", null,
                "jane.doe@example.org", "Your parking fine", "We have asked Parking Services to cancel the fine.", null,
                "Aisha Rahman", "Amira Khan", Instant.now())));
        var row = jdbc.queryForMap("select direction, channel, status, recipient, approved_by, dispatched_by, body"
                + " from correspondence_item where case_id = ? and direction = 'OUT'", caseId);
        assertThat(row.get("channel")).isEqualTo("EMAIL");
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("recipient")).isEqualTo("Jane Doe <jane.doe@example.org>");
        assertThat(row.get("approved_by")).isEqualTo("Aisha Rahman");
        assertThat(row.get("dispatched_by")).isEqualTo("Amira Khan");
        assertThat(row.get("body")).isEqualTo("We have asked Parking Services to cancel the fine.");
    }
}
