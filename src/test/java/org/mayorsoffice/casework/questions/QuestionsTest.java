package org.mayorsoffice.casework.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.questions.internal.QuestionService;
import org.mayorsoffice.casework.questions.internal.QuestionViews.AskerKind;
import org.mayorsoffice.casework.questions.internal.QuestionViews.Meeting;
import org.mayorsoffice.casework.questions.internal.QuestionViews.NewQuestion;
import org.mayorsoffice.casework.questions.internal.QuestionViews.Status;
import org.mayorsoffice.casework.responses.ApprovalQueue;
import org.mayorsoffice.casework.responses.ResponseFixtures;
import org.mayorsoffice.casework.responses.internal.DelegationService;
import org.mayorsoffice.casework.responses.internal.DraftService;
import org.mayorsoffice.casework.shared.calendar.WorkingDays;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Council and cabinet questions: the answer deadline counted back from the meeting, approval and publishing. */
class QuestionsTest extends WebTest {

    @Autowired
    QuestionService questions;

    @Autowired
    DraftService drafts;

    @Autowired
    ApprovalQueue queue;

    @Autowired
    DelegationService delegations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService caseService;

    @Autowired
    UserAccountService accounts;

    ResponseFixtures fixtures;
    CurrentUser support;
    CurrentUser deputy;
    long deputyMemberId;

    @BeforeEach
    void setUp() {
        fixtures = new ResponseFixtures(jdbc, caseService, accounts);
        support = fixtures.user("support");
        deputy = fixtures.deputy();
        deputyMemberId = fixtures.memberId("Daniel Okafor");
    }

    @Test
    void theAnswerIsDueWorkingDaysBeforeTheMeetingSkippingWeekendsAndBankHolidays() {
        WorkingDays days = WorkingDays.standard();
        // Monday 14 December 2026: three working days back is Wednesday 9 December.
        assertThat(AnswerDeadline.due(days, LocalDate.of(2026, 12, 14), 3)).isEqualTo(LocalDate.of(2026, 12, 9));
        // Tuesday 29 December 2026: Monday 28 (Boxing Day substitute) and Friday 25 (Christmas) are skipped.
        assertThat(AnswerDeadline.due(days, LocalDate.of(2026, 12, 29), 3)).isEqualTo(LocalDate.of(2026, 12, 22));
        // Thursday 7 May 2026, with the early May bank holiday on Monday 4 May.
        assertThat(AnswerDeadline.due(days, LocalDate.of(2026, 5, 7), 3)).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(AnswerDeadline.due(days, LocalDate.of(2026, 12, 14), 0)).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThatThrownBy(() -> AnswerDeadline.due(days, LocalDate.of(2026, 12, 14), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private LocalDate nextMonthsCouncil() {
        return LocalDate.now().plusMonths(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY));
    }

    @Test
    void theAnswerIsApprovedByTheAnsweringMemberOrTheirDelegateAndPublished() throws Exception {
        LocalDate meeting = nextMonthsCouncil();
        long id = questions.create(new NewQuestion(Meeting.COUNCIL, meeting, AskerKind.MEMBER, "Cllr Ahmed", deputyMemberId,
                "How many homes were repaired this year?"), support);
        assertThat(jdbc.queryForObject("select answer_due from council_question where id = ?", LocalDate.class, id))
                .isEqualTo(questions.answerDue(meeting)).isBefore(meeting);

        questions.saveAnswer(id, "1,204 homes, \"more than ever\".", true, support);
        long draftId = jdbc.queryForObject("select id from draft_response where subject_kind = 'QUESTION' and subject_id = ?",
                Long.class, id);
        assertThat(queue.awaitingApproval(deputy, 100)).anyMatch(r -> r.draftId() == draftId && r.caseReference().equals("Q-" + id));
        for (CurrentUser other : new CurrentUser[] {fixtures.user("mayor"), fixtures.user("head"), support}) {
            assertThatThrownBy(() -> drafts.approve(draftId, null, other)).isInstanceOf(NotFoundException.class);
        }
        // The Mayor becomes the deputy's delegate, and may then approve.
        delegations.add(deputy, fixtures.userId("mayor"), LocalDate.now(), LocalDate.now());
        try {
            drafts.approve(draftId, null, fixtures.user("mayor"));
        } finally {
            jdbc.update("delete from approval_delegation where member_id = ?", deputyMemberId);
        }
        var detail = questions.detail(id, support);
        assertThat(detail.q().status()).isEqualTo(Status.ANSWERED);
        assertThat(detail.q().answer()).isEqualTo("1,204 homes, \"more than ever\".");
        assertThat(detail.approvedBy()).isEqualTo("Aisha Rahman");

        // The per-meeting list and its CSV for the agenda.
        String page = mvc.perform(get(QuestionService.meetingHref(Meeting.COUNCIL, meeting)).with(as(Role.CABINET_SUPPORT_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Q-" + id, "Cllr Ahmed", "Answered", "Download the questions and answers");
        String csv = mvc.perform(get(QuestionService.meetingHref(Meeting.COUNCIL, meeting) + "/export.csv")
                        .with(as(Role.CABINET_SUPPORT_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("Reference,Meeting,Meeting date,Asked by,Asker,Answering member,Question,Answer due,Status,Written answer\r\n")
                .contains("Q-" + id + ",Full council," + meeting + ",Cllr Ahmed,A councillor,Daniel Okafor,"
                        + "How many homes were repaired this year?," + questions.answerDue(meeting) + ",Answered,"
                        + "\"1,204 homes, \"\"more than ever\"\".\"");
        assertThatThrownBy(() -> questions.saveAnswer(id, "Changed", false, support))
                .isInstanceOf(org.mayorsoffice.casework.shared.validation.RuleViolationException.class);
    }

    @Test
    void supplementaryQuestionsBecomeActionsAndTheFormsValidate() throws Exception {
        long id = questions.create(new NewQuestion(Meeting.CABINET, nextMonthsCouncil(), AskerKind.PUBLIC, "Mrs Jones",
                deputyMemberId, "When will the lift be fixed?"), support);
        questions.addAction(id, "Supplementary: ask housing for a date", LocalDate.now().plusDays(5), support);
        long actionId = jdbc.queryForObject("select id from council_question_action where question_id = ?", Long.class, id);
        questions.completeAction(id, actionId, support);
        assertThat(questions.detail(id, support).actions()).singleElement()
                .satisfies(a -> assertThat(a.done()).isTrue());

        String page = mvc.perform(post("/questions").with(as(Role.CABINET_SUPPORT_OFFICER)).with(csrf())
                        .param("meeting", "COUNCIL").param("meetingDateDay", "31").param("meetingDateMonth", "2")
                        .param("meetingDateYear", "2027").param("askedBy", "Cllr Ahmed"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("govuk-error-summary", "The meeting date must be a real date", "Select who asked the question",
                "Select the member who must answer", "Enter the question", "value=\"Cllr Ahmed\"");
        mvc.perform(get("/questions").with(as(Role.CASEWORKER))).andExpect(status().isForbidden());
        mvc.perform(get("/questions/meetings/nonsense/2026-12-01").with(as(Role.HEAD_OF_OFFICE))).andExpect(status().isNotFound());
    }
}
