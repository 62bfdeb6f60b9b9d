package org.mayorsoffice.casework.enquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
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
import org.mayorsoffice.casework.enquiries.internal.EnquiryChaser;
import org.mayorsoffice.casework.enquiries.internal.EnquiryQueries;
import org.mayorsoffice.casework.enquiries.internal.EnquiryService;
import org.mayorsoffice.casework.enquiries.internal.EnquiryService.RaiseEnquiry;
import org.mayorsoffice.casework.enquiries.internal.EnquiryService.Raised;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.organisation.internal.DirectoryService;
import org.mayorsoffice.casework.organisation.internal.DirectoryService.ContactData;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Members' enquiries through the real application, database and mail server. */
class EnquiriesTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseService cases;

    @Autowired
    DirectoryService directory;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    EnquiryQueries queries;

    @Autowired
    EnquiryChaser chaser;

    @Autowired
    OutboxWorker outbox;

    @Autowired
    WorkingDayCalendar calendar;

    /** A directorate of its own per test, so its mailbox holds only this test's messages. */
    record Team(long id, String key, String email, String seniorEmail) {}

    private Team aDirectorate(int targetDays) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "enquiries-" + tag + "@council.example.org";
        String senior = "director-" + tag + "@council.example.org";
        long id = directory.createDirectorate(new ContactData("Test directorate " + tag, email, "Dana Director", senior,
                String.valueOf(targetDays), true), "test");
        return new Team(id, String.valueOf(id), email, senior);
    }

    private CurrentUser account(String username) {
        return accounts.loadUserByUsername(username);
    }

    private RequestPostProcessor signedIn(String username) {
        return user(account(username));
    }

    private long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    /** An open case allocated to the demo caseworker (In progress after the first enquiry moves it). */
    private long aCase(Confidentiality confidentiality, String openedBy) {
        long person = jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values ('RESIDENT',"
                + " 'Test', ?, 'test') returning id", Long.class, "Resident-" + UUID.randomUUID().toString().substring(0, 6));
        long id = cases.open(new OpenCase(jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class),
                Channel.EMAIL, "Damp in the bedroom", "Mould has come back.", null, null, null, null, Priority.NORMAL,
                confidentiality, LawfulBasis.PUBLIC_TASK, false, LocalDate.now(), List.of(person)), account(openedBy));
        if (confidentiality != Confidentiality.RESTRICTED) {
            cases.allocate(List.of(id), userId("caseworker"), null, account("coordinator"));
        }
        return id;
    }

    private String caseReference(long caseId) {
        return jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
    }

    /**
     * Sends everything queued, then the subjects of the messages this address received (one per message),
     * waiting up to five seconds for at least {@code expected} to arrive (the mail server stores them on its own threads).
     */
    private List<String> subjectsTo(String address, int expected) throws Exception {
        deliverAll();
        List<String> subjects = List.of();
        for (int i = 0; i < 50 && subjects.size() < expected; i++) {
            if (i > 0) {
                Thread.sleep(100);
            }
            subjects = new java.util.ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (MimeMessage m : TestMail.receivedBy(address)) {
                if (seen.add(m.getMessageID())) { // a message sent to and copied to is stored once per mailbox
                    subjects.add(m.getSubject());
                }
            }
        }
        return subjects;
    }

    private void deliverAll() {
        while (outbox.deliverDue() > 0) {
            // the worker sends in batches
        }
    }

    private List<String> chaseKinds(long enquiryId) {
        return jdbc.queryForList("select kind from enquiry_chase where enquiry_id = ? order by chase_date", String.class, enquiryId);
    }

    @Test
    void raisingAnEnquiryEmailsTheDirectorateRecordsItOnTheCaseAndAwaitsTheDirectorate() throws Exception {
        Team team = aDirectorate(10);
        long caseId = aCase(Confidentiality.STANDARD, "coordinator");
        MvcResult result = mvc.perform(post("/cases/{id}/enquiries", caseId).with(signedIn("caseworker")).with(csrf())
                        .param("recipient", team.key()).param("question", "When will the damp in flat 4 be treated?"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/enquiries/*")).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String reference = jdbc.queryForObject("select reference from members_enquiry where id = ?", String.class, id);
        assertThat(reference).matches("ME-" + LocalDate.now().getYear() + "-\\d{5}");
        assertThat(jdbc.queryForObject("select due_on from members_enquiry where id = ?", LocalDate.class, id))
                .isEqualTo(calendar.addWorkingDays(LocalDate.now(), 10));

        subjectsTo(team.email(), 1);
        List<MimeMessage> received = TestMail.receivedBy(team.email());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject())
                .isEqualTo("Members' enquiry " + reference + " (case " + caseReference(caseId) + ")");
        String body = received.get(0).getContent().toString();
        assertThat(body).contains("When will the damp in flat 4 be treated?").contains("How to reply").contains(reference);

        assertThat(jdbc.queryForObject("select status from casework_case where id = ?", String.class, caseId))
                .isEqualTo("AWAITING_DIRECTORATE");
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'ENQUIRY' and body like ?",
                Integer.class, caseId, "%" + reference + "%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'enquiry.raised' and subject_id = ?",
                Integer.class, String.valueOf(id))).isGreaterThan(0);
        mvc.perform(get("/enquiries/{id}", id).with(signedIn("caseworker")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("When will the damp in flat 4 be treated?")));
        mvc.perform(get("/cases/{id}/enquiries", caseId).with(signedIn("caseworker")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(reference)));
        mvc.perform(get("/enquiries").with(signedIn("caseworker")).param("directorate", String.valueOf(team.id())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(reference)));
    }

    @Test
    void theDueDateIsCountedInWorkingDaysAcrossChristmas() {
        Team team = aDirectorate(5);
        long caseId = aCase(Confidentiality.STANDARD, "coordinator");
        Raised raised = enquiries.raiseOn(caseId, new RaiseEnquiry(team.key(), "Christmas question"),
                LocalDate.of(2026, 12, 23), account("caseworker"));
        // Thu 24 Dec (1); 25, 26, 27 and Mon 28 Dec (Boxing Day substitute) skipped; 29, 30, 31 Dec (2-4);
        // 1 Jan bank holiday and the weekend skipped; Mon 4 Jan 2027 (5).
        assertThat(raised.dueOn()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(jdbc.queryForObject("select due_on from members_enquiry where id = ?", LocalDate.class, raised.id()))
                .isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void theChaserRemindsChasesAndEscalatesInWorkingDaysAndNeverTwice() throws Exception {
        Team team = aDirectorate(10);
        long caseId = aCase(Confidentiality.STANDARD, "coordinator");
        // Raised Monday 2 March 2026: due Monday 16 March; reminder Thursday 12 March.
        Raised raised = enquiries.raiseOn(caseId, new RaiseEnquiry(team.key(), "Is the repair booked?"),
                LocalDate.of(2026, 3, 2), account("caseworker"));
        assertThat(raised.dueOn()).isEqualTo(LocalDate.of(2026, 3, 16));
        long id = raised.id();
        assertThat(subjectsTo(team.email(), 1)).hasSize(1);

        chaser.runDue(LocalDate.of(2026, 3, 11));
        assertThat(chaseKinds(id)).as("nothing too early").isEmpty();

        chaser.runDue(LocalDate.of(2026, 3, 12));
        chaser.runDue(LocalDate.of(2026, 3, 12));
        assertThat(chaseKinds(id)).as("reminder two working days before, once").containsExactly("REMINDER");
        chaser.runDue(LocalDate.of(2026, 3, 13));
        chaser.runDue(LocalDate.of(2026, 3, 14));
        assertThat(chaseKinds(id)).containsExactly("REMINDER");

        chaser.runDue(LocalDate.of(2026, 3, 16));
        assertThat(chaseKinds(id)).containsExactly("REMINDER", "DUE");
        assertThat(overdueNotifications(id)).as("not overdue on the due date").isZero();
        chaser.runDue(LocalDate.of(2026, 3, 17));
        chaser.runDue(LocalDate.of(2026, 3, 18));
        assertThat(chaseKinds(id)).as("next chase three working days after the due date").containsExactly("REMINDER", "DUE");
        assertThat(overdueNotifications(id)).as("the caseworker is told once that it is overdue").isEqualTo(1);

        chaser.runDue(LocalDate.of(2026, 3, 19));
        chaser.runDue(LocalDate.of(2026, 3, 19));
        assertThat(chaseKinds(id)).as("the third message is escalated").containsExactly("REMINDER", "DUE", "ESCALATION");
        assertThat(jdbc.queryForObject("select cc_address from enquiry_chase where enquiry_id = ? and chase_date = ?",
                String.class, id, LocalDate.of(2026, 3, 19))).isEqualTo(team.seniorEmail());
        assertThat(overdueNotifications(id)).isEqualTo(1);

        List<String> subjects = subjectsTo(team.email(), 4);
        String ref = raised.reference();
        assertThat(subjects).hasSize(4);
        assertThat(subjects.get(1)).startsWith("Reminder: Members' enquiry " + ref);
        assertThat(subjects.get(2)).startsWith("Due today: Members' enquiry " + ref);
        assertThat(subjects.get(3)).startsWith("Escalation: Members' enquiry " + ref);
        assertThat(subjectsTo(team.seniorEmail(), 1)).as("the senior contact is copied on the escalation only")
                .containsExactly(subjects.get(3));
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'ENQUIRY'"
                + " and actor = 'Enquiry chaser'", Integer.class, caseId)).isEqualTo(3);

        // Every three working days after that, skipping the weekend: Tuesday 24 March.
        chaser.runDue(LocalDate.of(2026, 3, 23));
        chaser.runDue(LocalDate.of(2026, 3, 24));
        assertThat(chaseKinds(id)).containsExactly("REMINDER", "DUE", "ESCALATION", "ESCALATION");
        mvc.perform(get("/enquiries/{id}", id).with(signedIn("caseworker")))
                .andExpect(content().string(containsString("Escalated to the senior contact")))
                .andExpect(content().string(containsString("Copied to " + team.seniorEmail())));

        // Once the response is recorded, nothing more.
        assertThat(enquiries.recordResponse(id, "The repair is booked for 1 April.", LocalDate.of(2026, 3, 25),
                account("caseworker"))).as("answered late").isTrue();
        chaser.runDue(LocalDate.of(2026, 3, 27));
        chaser.runDue(LocalDate.of(2026, 4, 1));
        assertThat(chaseKinds(id)).hasSize(4);
        assertThat(subjectsTo(team.email(), 5)).hasSize(5);
    }

    @Test
    void filesThatCameWithTheResponseAreKeptOnTheCaseAndABadOneIsRefusedKeepingTheText() throws Exception {
        Team team = aDirectorate(10);
        long caseId = aCase(Confidentiality.STANDARD, "coordinator");
        Raised raised = enquiries.raise(caseId, new RaiseEnquiry(team.key(), "Is the survey report ready?"), account("caseworker"));
        LocalDate today = LocalDate.now();

        mvc.perform(multipart("/enquiries/{id}/response", raised.id()).file(new MockMultipartFile("files", "setup.exe",
                                "application/octet-stream", new byte[] {'M', 'Z', 0, 0, 1, 2, 3}))
                        .param("response", "The report is attached.").param("respondedOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("respondedOnMonth", String.valueOf(today.getMonthValue()))
                        .param("respondedOnYear", String.valueOf(today.getYear()))
                        .with(signedIn("caseworker")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select the files again")))
                .andExpect(content().string(containsString("The report is attached.")));
        assertThat(jdbc.queryForObject("select status from members_enquiry where id = ?", String.class, raised.id())).isEqualTo("OPEN");

        byte[] pdf = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
                + "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mvc.perform(multipart("/enquiries/{id}/response", raised.id())
                        .file(new MockMultipartFile("files", "survey-report.pdf", "application/pdf", pdf))
                        .param("response", "The report is attached.").param("respondedOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("respondedOnMonth", String.valueOf(today.getMonthValue()))
                        .param("respondedOnYear", String.valueOf(today.getYear()))
                        .with(signedIn("caseworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from members_enquiry where id = ?", String.class, raised.id())).isEqualTo("ANSWERED");
        assertThat(jdbc.queryForList("select file_name from case_attachment where case_id = ?", String.class, caseId))
                .containsExactly("survey-report.pdf");
    }

    private int overdueNotifications(long enquiryId) {
        return jdbc.queryForObject("select count(*) from notification where user_id = ? and link = ?", Integer.class,
                userId("caseworker"), "/enquiries/" + enquiryId);
    }

    @Test
    void theRaiseFormExplainsWhatIsMissingAndKeepsWhatWasTyped() throws Exception {
        Team team = aDirectorate(10);
        long caseId = aCase(Confidentiality.STANDARD, "coordinator");
        mvc.perform(post("/cases/{id}/enquiries", caseId).with(signedIn("caseworker")).with(csrf())
                        .param("recipient", "").param("question", "Typed question about the boiler"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Select the directorate or service area the enquiry is for")))
                .andExpect(content().string(containsString("Typed question about the boiler")));
        mvc.perform(post("/cases/{id}/enquiries", caseId).with(signedIn("caseworker")).with(csrf())
                        .param("recipient", team.key()).param("question", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the question for the directorate")))
                .andExpect(content().string(containsString("value=\"" + team.key() + "\" selected")));
        assertThat(jdbc.queryForObject("select count(*) from members_enquiry where case_id = ?", Integer.class, caseId)).isZero();
        mvc.perform(get("/cases/{id}/enquiries/new", 999999).with(signedIn("caseworker"))).andExpect(status().isNotFound());
    }

    @Test
    void aCaseWithAnOpenEnquiryCannotBeClosedUntilTheEnquiryIsAnsweredOrWithdrawn() throws Exception {
        Team team = aDirectorate(10);
        long caseId = aCase(Confidentiality.STANDARD, "coordinator");
        long other = aCase(Confidentiality.STANDARD, "coordinator");
        String reference = caseReference(caseId);
        Raised raised = enquiries.raise(caseId, new RaiseEnquiry(team.key(), "Is a repair booked?"), account("caseworker"));
        String recipient = jdbc.queryForObject("select recipient from members_enquiry where id = ?", String.class, raised.id());
        cases.changeStatus(caseId, org.mayorsoffice.casework.cases.CaseStatus.IN_PROGRESS, null, "Chasing by phone too",
                account("caseworker"));
        String why = reference + " has an open members' enquiry (" + raised.reference() + " to " + recipient
                + "). Record the directorate's response or withdraw the enquiry before closing the case";

        // The status form: refused with what to do, the case stays open and what was typed is kept.
        mvc.perform(post("/cases/{id}/status", caseId).with(signedIn("caseworker")).with(csrf())
                        .param("status", "CLOSED").param("outcome", "RESOLVED").param("note", "Typed closing note")
                        .param("version", String.valueOf(version(caseId))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(why.replace("'", "&#39;"))))
                .andExpect(content().string(containsString("Typed closing note")));
        // Closed as a duplicate of another case: refused the same way, and no link is left behind.
        mvc.perform(post("/cases/{id}/link", caseId).with(signedIn("caseworker")).with(csrf())
                        .param("reference", caseReference(other)).param("kind", "DUPLICATE_OF"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(raised.reference() + " to ")));
        // Closed from the list with others: this one is named as not changed.
        mvc.perform(post("/cases/bulk").with(signedIn("caseworker")).with(csrf()).param("caseIds", String.valueOf(caseId))
                        .param("bulkAction", "CLOSE").param("outcome", "RESOLVED").param("returnTo", "/cases"))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("important",
                        containsString("Not changed: " + reference + ": " + reference + " has an open members' enquiry")));
        assertThat(jdbc.queryForObject("select status from casework_case where id = ?", String.class, caseId)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.queryForObject("select count(*) from case_link where case_id = ?", Integer.class, caseId)).isZero();

        enquiries.withdraw(raised.id(), "Repair booked directly with the resident", account("caseworker"));
        mvc.perform(post("/cases/{id}/status", caseId).with(signedIn("caseworker")).with(csrf())
                        .param("status", "CLOSED").param("outcome", "RESOLVED").param("version", String.valueOf(version(caseId))))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select status from casework_case where id = ?", String.class, caseId)).isEqualTo("CLOSED");
    }

    private long version(long caseId) {
        return jdbc.queryForObject("select version from casework_case where id = ?", Long.class, caseId);
    }

    @Test
    void theResponseClosesTheEnquiryAndMovesTheCaseOnAndAWithdrawalNeedsAReason() throws Exception {
        Team team = aDirectorate(10);
        long caseId = aCase(Confidentiality.STANDARD, "coordinator");
        Raised first = enquiries.raise(caseId, new RaiseEnquiry(team.key(), "First question"), account("caseworker"));
        Raised second = enquiries.raise(caseId, new RaiseEnquiry(team.key(), "Second question"), account("caseworker"));

        mvc.perform(post("/enquiries/{id}/response", first.id()).with(signedIn("caseworker")).with(csrf())
                        .param("response", "Typed answer").param("respondedOnDay", "31").param("respondedOnMonth", "2")
                        .param("respondedOnYear", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The date of the response must be a real date")))
                .andExpect(content().string(containsString("Typed answer")));
        LocalDate today = LocalDate.now();
        mvc.perform(post("/enquiries/{id}/response", first.id()).with(signedIn("caseworker")).with(csrf())
                        .param("response", "The team will visit on Monday.").param("respondedOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("respondedOnMonth", String.valueOf(today.getMonthValue())).param("respondedOnYear", String.valueOf(today.getYear())))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select status, answered_late, response from members_enquiry where id = ?", first.id()))
                .containsEntry("status", "ANSWERED").containsEntry("answered_late", false)
                .containsEntry("response", "The team will visit on Monday.");
        assertThat(jdbc.queryForObject("select status from casework_case where id = ?", String.class, caseId))
                .as("still awaiting the other enquiry").isEqualTo("AWAITING_DIRECTORATE");

        mvc.perform(post("/enquiries/{id}/withdraw", second.id()).with(signedIn("caseworker")).with(csrf()).param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter why the enquiry is being withdrawn")));
        mvc.perform(post("/enquiries/{id}/withdraw", second.id()).with(signedIn("caseworker")).with(csrf())
                        .param("reason", "Resident had an answer directly"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select status from members_enquiry where id = ?", String.class, second.id()))
                .isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("select status from casework_case where id = ?", String.class, caseId))
                .isEqualTo("IN_PROGRESS");
        assertThat(subjectsTo(team.email(), 3)).contains("Withdrawn: Members' enquiry " + second.reference() + " (case "
                + caseReference(caseId) + ")");
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'ENQUIRY'",
                Integer.class, caseId)).isEqualTo(4);
        mvc.perform(post("/enquiries/{id}/withdraw", first.id()).with(signedIn("caseworker")).with(csrf()).param("reason", "Again"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is already answered")));
    }

    @Test
    void anEnquiryOnARestrictedCaseIsInNoListOrCountForSomeoneNotEntitled() throws Exception {
        Team team = aDirectorate(1);
        CurrentUser outsider = account("caseworker");
        CurrentUser head = account("head");
        long outsiderOpen = queries.open(outsider, null, false, 0).totalOpen();
        long headOpen = queries.open(head, null, false, 0).totalOpen();
        long caseId = aCase(Confidentiality.RESTRICTED, "lchen");
        Raised raised = enquiries.raiseOn(caseId, new RaiseEnquiry(team.key(), "Confidential question"),
                LocalDate.now().minusDays(10), account("lchen"));

        assertThat(queries.open(outsider, null, false, 0).totalOpen()).isEqualTo(outsiderOpen);
        assertThat(queries.open(head, null, false, 0).totalOpen()).isEqualTo(headOpen + 1);
        assertThat(queries.open(outsider, team.id(), false, 0).counts())
                .noneMatch(count -> count.directorateId() == team.id());
        assertThat(queries.open(outsider, team.id(), false, 0).page().totalElements()).isZero();
        assertThat(queries.overdueCount(account("lchen"))).isGreaterThan(0);
        mvc.perform(get("/enquiries").with(signedIn("caseworker")).param("directorate", String.valueOf(team.id())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(raised.reference()))));
        mvc.perform(get("/enquiries").with(signedIn("lchen")).param("overdue", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(raised.reference())));
        mvc.perform(get("/enquiries/{id}", raised.id()).with(signedIn("caseworker"))).andExpect(status().isNotFound());
        mvc.perform(get("/enquiries/{id}/response", raised.id()).with(signedIn("caseworker"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}/enquiries", caseId).with(signedIn("caseworker"))).andExpect(status().isNotFound());
        mvc.perform(get("/enquiries/{id}", raised.id()).with(signedIn("head"))).andExpect(status().isOk());
    }

    @Test
    void administratorsKeepTheDirectoryWithClearMessagesAndAnAuditTrail() throws Exception {
        mvc.perform(post("/admin/directorates").with(signedIn("admin")).with(csrf())
                        .param("name", "Typed directorate").param("enquiryEmail", "not-an-email").param("seniorName", "Sam Senior")
                        .param("targetDays", "ten").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enquiry email address must be a real email address")))
                .andExpect(content().string(containsString("Enter the senior contact&#39;s email address, or remove their name")))
                .andExpect(content().string(containsString("Response target must be a whole number of working days from 1 to 200")))
                .andExpect(content().string(containsString("value=\"Typed directorate\"")))
                .andExpect(content().string(containsString("value=\"not-an-email\"")));
        String name = "Audited directorate " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/directorates").with(signedIn("admin")).with(csrf())
                        .param("name", name).param("enquiryEmail", "Audited@Council.example.org").param("targetDays", "7")
                        .param("active", "true"))
                .andExpect(status().isFound());
        long id = jdbc.queryForObject("select id from directorate where name = ?", Long.class, name);
        mvc.perform(post("/admin/directorates/{id}/service-areas", id).with(signedIn("admin")).with(csrf())
                        .param("name", "Inheriting area").param("active", "true"))
                .andExpect(status().isFound());
        long area = jdbc.queryForObject("select id from service_area where directorate_id = ?", Long.class, id);
        var contact = enquiries.contact(id + ":" + area).orElseThrow();
        assertThat(contact.email()).isEqualTo("audited@council.example.org");
        assertThat(contact.targetDays()).isEqualTo(7);
        assertThat(contact.label()).isEqualTo(name + ": Inheriting area");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'directorate.created' and subject_id = ?",
                Integer.class, String.valueOf(id))).isGreaterThan(0);
        mvc.perform(get("/admin/directorates").with(signedIn("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("karen.whitfield@council.example.org")));
    }
}
