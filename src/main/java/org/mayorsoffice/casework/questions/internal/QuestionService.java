package org.mayorsoffice.casework.questions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.questions.AnswerDeadline;
import org.mayorsoffice.casework.questions.internal.QuestionViews.ActionRow;
import org.mayorsoffice.casework.questions.internal.QuestionViews.AskerKind;
import org.mayorsoffice.casework.questions.internal.QuestionViews.Meeting;
import org.mayorsoffice.casework.questions.internal.QuestionViews.MeetingRow;
import org.mayorsoffice.casework.questions.internal.QuestionViews.NewQuestion;
import org.mayorsoffice.casework.questions.internal.QuestionViews.QuestionDetail;
import org.mayorsoffice.casework.questions.internal.QuestionViews.QuestionRow;
import org.mayorsoffice.casework.questions.internal.QuestionViews.Status;
import org.mayorsoffice.casework.responses.ApprovalRequests;
import org.mayorsoffice.casework.responses.ApprovalRequests.Detail;
import org.mayorsoffice.casework.responses.ApprovalRequests.Subject;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraft;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraftApproved;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraftReturned;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectKind;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.export.TabularExport;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Council and cabinet questions: recording them with the answer deadline counted back from the meeting, drafting
 * the written answer and sending it to the answering member's Approvals queue, publishing the approved answer,
 * follow-up actions, and the per-meeting list (also as CSV for the agenda).
 */
@Service
@Transactional(readOnly = true)
public class QuestionService {

    private static final String COLUMNS = """
            select q.id, q.meeting, q.meeting_date, q.asker_kind, q.asked_by, q.answering_member_id,
                   m.full_name as member_name, q.question, q.answer_due, q.status, q.answer, q.approved_by,
                   q.answered_at, q.created_by, q.created_at
              from council_question q
              join member m on m.id = q.answering_member_id
            """;

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final ApprovalRequests approvals;
    private final Clock clock;
    private final int answerWorkingDays;

    QuestionService(JdbcClient jdbc, WorkingDayCalendar calendar, ApprovalRequests approvals, Clock clock,
            @Value("${casework.questions.answer-working-days:3}") int answerWorkingDays) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.approvals = approvals;
        this.clock = clock;
        this.answerWorkingDays = answerWorkingDays;
    }

    public static boolean mayWork(CurrentUser user) {
        return user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.COORDINATOR)
                || user.hasRole(Role.HEAD_OF_OFFICE);
    }

    public static String reference(long id) {
        return "Q-" + id;
    }

    public int answerWorkingDays() {
        return answerWorkingDays;
    }

    /** Meetings from 30 days ago onwards that have questions, soonest first; at most 50. */
    public List<MeetingRow> meetings() {
        return jdbc.sql("""
                        select meeting, meeting_date, count(*), count(*) filter (where status = 'ANSWERED')
                          from council_question where meeting_date >= ?
                         group by meeting, meeting_date order by meeting_date, meeting limit 50""")
                .param(LocalDate.now(clock).minusDays(30))
                .query((rs, n) -> {
                    Meeting meeting = Meeting.valueOf(rs.getString(1));
                    LocalDate date = rs.getObject(2, LocalDate.class);
                    return new MeetingRow(meeting, date, rs.getLong(3), rs.getLong(4), meetingHref(meeting, date));
                })
                .list();
    }

    /** Questions not yet answered, the earliest answer deadline first; at most 100. */
    public List<QuestionRow> unanswered() {
        return jdbc.sql(COLUMNS + " where q.status <> 'ANSWERED' order by q.answer_due, q.id limit 100")
                .query(this::row).list();
    }

    /** All questions for one meeting, in the order they were recorded; at most 500. */
    public List<QuestionRow> forMeeting(Meeting meeting, LocalDate date) {
        return jdbc.sql(COLUMNS + " where q.meeting = ? and q.meeting_date = ? order by q.id limit 500")
                .params(meeting.name(), date).query(this::row).list();
    }

    @Transactional
    public long create(NewQuestion q, CurrentUser user) {
        requireWorker(user);
        LocalDate due = answerDue(q.meetingDate());
        return jdbc.sql("insert into council_question (meeting, meeting_date, asker_kind, asked_by, answering_member_id,"
                        + " question, answer_due, created_by_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(q.meeting().name(), q.meetingDate(), q.askerKind().name(), q.askedBy().strip(),
                        q.answeringMemberId(), q.question().strip(), due, user.id(), user.displayName())
                .query(Long.class).single();
    }

    /** The answer deadline for a meeting on this date. */
    public LocalDate answerDue(LocalDate meetingDate) {
        return AnswerDeadline.due(calendar.workingDays(), meetingDate, answerWorkingDays);
    }

    public QuestionDetail detail(long id, CurrentUser user) {
        requireWorker(user);
        Full f = find(id).orElseThrow(() -> new NotFoundException("Question"));
        List<ActionRow> actions = jdbc.sql("select id, description, due_on, done, created_by from council_question_action"
                        + " where question_id = ? order by id limit 100")
                .param(id)
                .query((rs, n) -> new ActionRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4), rs.getString(5)))
                .list();
        return new QuestionDetail(f.row(), f.memberId(), f.approvedBy(), f.answeredAt(), f.createdBy(), f.createdAt(),
                actions);
    }

    public Optional<SubjectDraft> draft(long id) {
        return approvals.draft(SubjectKind.QUESTION, id);
    }

    @Transactional
    public List<String> saveAnswer(long id, String text, boolean submit, CurrentUser user) {
        requireWorker(user);
        Full f = find(id).orElseThrow(() -> new NotFoundException("Question"));
        QuestionRow q = f.row();
        if (q.status() == Status.ANSWERED) {
            throw new RuleViolationException("text", "This question has been answered");
        }
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Meeting", q.meeting().label() + ", " + q.meetingDate().format(
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))));
        details.add(new Detail("Asked by", q.askedBy() + " (" + q.askerKind().label().toLowerCase() + ")"));
        details.add(new Detail("Answer due", q.answerDue().format(
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))));
        details.add(new Detail("Question", q.question()));
        String title = q.question().length() > 120 ? q.question().substring(0, 119) + "…" : q.question();
        List<String> approvers = approvals.saveDraft(new Subject(SubjectKind.QUESTION, id, reference(id), title,
                "Answer to " + q.askedBy() + "'s question", f.memberId(), details, "/questions/" + id), text, submit, user);
        jdbc.sql("update council_question set status = ?, version = version + 1 where id = ?")
                .params(submit ? Status.AWAITING_APPROVAL.name() : Status.DRAFTING.name(), id).update();
        return approvers;
    }

    /** The answering member (or their delegate) approved the answer: it is published as the written answer. */
    @EventListener
    @Transactional
    public void on(SubjectDraftApproved e) {
        if (e.kind() != SubjectKind.QUESTION) {
            return;
        }
        jdbc.sql("update council_question set status = 'ANSWERED', answer = ?, approved_by = ?, answered_at = ?,"
                        + " version = version + 1 where id = ?")
                .params(e.text(), e.approvedBy(), Timestamp.from(e.approvedAt()), e.subjectId()).update();
    }

    @EventListener
    @Transactional
    public void on(SubjectDraftReturned e) {
        if (e.kind() != SubjectKind.QUESTION) {
            return;
        }
        jdbc.sql("update council_question set status = 'DRAFTING', version = version + 1 where id = ?")
                .param(e.subjectId()).update();
    }

    @Transactional
    public void addAction(long id, String description, LocalDate dueOn, CurrentUser user) {
        requireWorker(user);
        find(id).orElseThrow(() -> new NotFoundException("Question"));
        String clean = description == null ? "" : description.strip();
        if (clean.isEmpty()) {
            throw new RuleViolationException("description", "Enter the supplementary question or follow-up");
        }
        if (clean.length() > 1000) {
            throw new RuleViolationException("description", "The action must be 1000 characters or fewer");
        }
        jdbc.sql("insert into council_question_action (question_id, description, due_on, created_by) values (?, ?, ?, ?)")
                .params(id, clean, dueOn, user.displayName()).update();
    }

    @Transactional
    public void completeAction(long id, long actionId, CurrentUser user) {
        requireWorker(user);
        int updated = jdbc.sql("update council_question_action set done = true where id = ? and question_id = ?")
                .params(actionId, id).update();
        if (updated == 0) {
            throw new NotFoundException("Action");
        }
    }

    /** The meeting's questions as CSV for the agenda (RFC 4180, quoted where needed). */
    public String csv(Meeting meeting, LocalDate date) {
        StringBuilder out = new StringBuilder("Reference,Meeting,Meeting date,Asked by,Asker,Answering member,Question,"
                + "Answer due,Status,Written answer\r\n");
        for (QuestionRow q : forMeeting(meeting, date)) {
            out.append(String.join(",", csvCell(q.reference()), csvCell(q.meeting().label()), csvCell(q.meetingDate().toString()),
                    csvCell(q.askedBy()), csvCell(q.askerKind().label()), csvCell(q.answeringMember()), csvCell(q.question()),
                    csvCell(q.answerDue().toString()), csvCell(q.status().label()), csvCell(q.answer())))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String csvCell(String value) {
        return TabularExport.csvCell(value);
    }

    public static String meetingHref(Meeting meeting, LocalDate date) {
        return "/questions/meetings/" + meeting.name().toLowerCase() + "/" + date;
    }

    static void requireWorker(CurrentUser user) {
        if (!mayWork(user)) {
            throw new NotFoundException("Question");
        }
    }

    private record Full(QuestionRow row, Long memberId, String approvedBy, java.time.Instant answeredAt, String createdBy,
            java.time.Instant createdAt) {}

    private Optional<Full> find(long id) {
        return jdbc.sql(COLUMNS + " where q.id = ?").param(id)
                .query((rs, n) -> new Full(row(rs, n), rs.getLong("answering_member_id"), rs.getString("approved_by"),
                        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    private QuestionRow row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("answer_due", LocalDate.class);
        return new QuestionRow(id, reference(id), Meeting.valueOf(rs.getString("meeting")),
                rs.getObject("meeting_date", LocalDate.class), AskerKind.valueOf(rs.getString("asker_kind")),
                rs.getString("asked_by"), rs.getString("member_name"), rs.getString("question"), due,
                status != Status.ANSWERED && due.isBefore(LocalDate.now(clock)), status, rs.getString("answer"),
                "/questions/" + id);
    }
}
