package org.mayorsoffice.casework.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.media.MediaDeadline;
import org.mayorsoffice.casework.media.internal.MediaViews.Kind;
import org.mayorsoffice.casework.media.internal.MediaViews.MediaDetail;
import org.mayorsoffice.casework.media.internal.MediaViews.MediaRow;
import org.mayorsoffice.casework.media.internal.MediaViews.NewMedia;
import org.mayorsoffice.casework.media.internal.MediaViews.Status;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.responses.ApprovalRequests;
import org.mayorsoffice.casework.responses.ApprovalRequests.Detail;
import org.mayorsoffice.casework.responses.ApprovalRequests.Subject;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraft;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraftApproved;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraftReturned;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectKind;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Media requests and press releases: logging, the Media view (open items, nearest deadline first), drafting the
 * statement through the responses module's drafts and Approvals queue, and recording it as sent or declined.
 */
@Service
@Transactional(readOnly = true)
public class MediaService {

    /** Items due within this many hours are shown as urgent. */
    static final int URGENT_HOURS = 4;

    private static final String COLUMNS = """
            select m.id, m.kind, m.title, m.question, m.journalist_id, m.journalist_name, m.outlet, m.deadline,
                   m.member_id, mb.full_name as member_name, t.name as topic_name, m.status, m.final_text,
                   m.approved_by, m.approved_at, m.contributors, m.sent_at, m.sent_by, m.declined_reason,
                   m.created_by, m.created_at
              from media_request m
              left join member mb on mb.id = m.member_id
              left join topic t on t.id = m.topic_id
            """;

    private final JdbcClient jdbc;
    private final PeopleApi people;
    private final ApprovalRequests approvals;
    private final LinkedCases linkedCases;
    private final Clock clock;

    MediaService(JdbcClient jdbc, PeopleApi people, ApprovalRequests approvals, LinkedCases linkedCases, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.approvals = approvals;
        this.linkedCases = linkedCases;
        this.clock = clock;
    }

    /** Who works on media items: cabinet support officers, the coordinator and the head of office. */
    public static boolean mayWork(CurrentUser user) {
        return user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.COORDINATOR)
                || user.hasRole(Role.HEAD_OF_OFFICE);
    }

    public static String reference(Kind kind, long id) {
        return (kind == Kind.PRESS_RELEASE ? "PR-" : "MEDIA-") + id;
    }

    /** Open requests and press releases, nearest deadline first (those without one last); at most 100. */
    public List<MediaRow> open() {
        return jdbc.sql(COLUMNS + " where m.status not in ('SENT', 'DECLINED') order by m.deadline nulls last, m.id limit 100")
                .query(this::row).list().stream().map(this::toRow).toList();
    }

    /** The 20 most recently logged items that are sent or declined. */
    public List<MediaRow> recentlyClosed() {
        return jdbc.sql(COLUMNS + " where m.status in ('SENT', 'DECLINED') order by m.created_at desc, m.id desc limit 20")
                .query(this::row).list().stream().map(this::toRow).toList();
    }

    @Transactional
    public long create(NewMedia m, CurrentUser user) {
        requireWorker(user);
        if (m.kind() == Kind.REQUEST && m.deadline() == null) {
            throw new RuleViolationException("dueInHours", "Enter when the journalist needs the answer");
        }
        List<Long> caseIds = linkedCases.resolve(m.caseReferences(), user);
        Long journalistId = journalist(m.journalistName(), m.journalistEmail(), user);
        long id = jdbc.sql("insert into media_request (kind, title, question, journalist_id, journalist_name, outlet,"
                        + " deadline, member_id, topic_id, created_by_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id")
                .params(m.kind().name(), m.title().strip(), blankToNull(m.question()), journalistId,
                        blankToNull(m.journalistName()), blankToNull(m.outlet()),
                        m.deadline() == null ? null : Timestamp.from(m.deadline()), m.memberId(), m.topicId(), user.id(),
                        user.displayName())
                .query(Long.class).single();
        for (long caseId : caseIds) {
            jdbc.sql("insert into media_request_case (media_request_id, case_id) values (?, ?)").params(id, caseId).update();
        }
        return id;
    }

    public MediaDetail detail(long id, CurrentUser user) {
        requireWorker(user);
        Row r = find(id).orElseThrow(() -> new NotFoundException("Media request"));
        Instant now = clock.instant();
        return new MediaDetail(r.id(), reference(r.kind(), r.id()), r.kind(), r.title(), r.question(), r.journalistName(),
                r.journalistId(), r.outlet(), r.deadline(),
                r.deadline() == null || !r.status().open() ? null : MediaDeadline.remaining(now, r.deadline()),
                r.deadline() != null && r.status().open() && MediaDeadline.dueWithin(now, r.deadline(), URGENT_HOURS),
                r.member(), r.memberId(), r.topic(), r.status(), r.finalText(), r.approvedBy(), r.approvedAt(),
                r.contributors(), r.sentAt(), r.sentBy(), r.declinedReason(), r.createdBy(), r.createdAt(),
                linkedCases.shown("media_request_case", "media_request_id", id, user));
    }

    public Optional<SubjectDraft> draft(long id) {
        return find(id).flatMap(r -> approvals.draft(subjectKind(r.kind()), id));
    }

    /** Saves the statement (a new version when it changed) and, when {@code submit}, sends it to the member. */
    @Transactional
    public List<String> saveStatement(long id, String text, boolean submit, CurrentUser user) {
        requireWorker(user);
        Row r = find(id).orElseThrow(() -> new NotFoundException("Media request"));
        if (!r.status().open() || r.status() == Status.APPROVED) {
            throw new RuleViolationException("text", "This is " + r.status().label().toLowerCase() + " and can no longer be changed");
        }
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Reference", reference(r.kind(), id)));
        details.add(new Detail("Journalist", r.journalistName()));
        details.add(new Detail("Outlet", r.outlet()));
        details.add(new Detail("Deadline", r.deadline() == null ? null
                : java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", java.util.Locale.UK)
                        .format(r.deadline().atZone(MediaDeadline.OFFICE_ZONE))));
        details.add(new Detail("Topic", r.topic()));
        details.add(new Detail("Question", r.question()));
        String heading = r.kind() == Kind.PRESS_RELEASE ? "Press release: " + r.title()
                : "Statement for " + (r.outlet() != null ? r.outlet() : r.journalistName() != null ? r.journalistName() : "the press");
        List<String> approvers = approvals.saveDraft(new Subject(subjectKind(r.kind()), id, reference(r.kind(), id),
                r.title(), heading, r.memberId(), details, "/media/" + id), text, submit, user);
        jdbc.sql("update media_request set status = ?, version = version + 1 where id = ?")
                .params(submit ? Status.AWAITING_APPROVAL.name() : Status.DRAFTING.name(), id).update();
        return approvers;
    }

    @Transactional
    public void markSent(long id, CurrentUser user) {
        requireWorker(user);
        Row r = find(id).orElseThrow(() -> new NotFoundException("Media request"));
        if (r.status() != Status.APPROVED) {
            throw new RuleViolationException(null, "Only an approved statement can be recorded as sent");
        }
        approvals.markSent(subjectKind(r.kind()), id, user);
        jdbc.sql("update media_request set status = 'SENT', sent_at = ?, sent_by = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(clock.instant()), user.displayName(), id).update();
    }

    @Transactional
    public void decline(long id, String reason, CurrentUser user) {
        requireWorker(user);
        Row r = find(id).orElseThrow(() -> new NotFoundException("Media request"));
        if (!r.status().open()) {
            throw new RuleViolationException("reason", "This is " + r.status().label().toLowerCase() + " already");
        }
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new RuleViolationException("reason", "Enter why the office is declining to comment");
        }
        if (clean.length() > 2000) {
            throw new RuleViolationException("reason", "The reason must be 2000 characters or fewer");
        }
        jdbc.sql("update media_request set status = 'DECLINED', declined_reason = ?, version = version + 1 where id = ?")
                .params(clean, id).update();
    }

    /** The member approved the statement: it becomes the record, ready to send. */
    @EventListener
    @Transactional
    public void on(SubjectDraftApproved e) {
        if (e.kind() != SubjectKind.MEDIA_REQUEST && e.kind() != SubjectKind.PRESS_RELEASE) {
            return;
        }
        String contributors = String.join(", ", e.contributors());
        jdbc.sql("update media_request set status = 'APPROVED', final_text = ?, approved_by = ?, approved_at = ?,"
                        + " contributors = ?, version = version + 1 where id = ?")
                .params(e.text(), e.approvedBy(), Timestamp.from(e.approvedAt()),
                        contributors.length() > 2000 ? contributors.substring(0, 1999) + "…" : contributors, e.subjectId())
                .update();
    }

    @EventListener
    @Transactional
    public void on(SubjectDraftReturned e) {
        if (e.kind() != SubjectKind.MEDIA_REQUEST && e.kind() != SubjectKind.PRESS_RELEASE) {
            return;
        }
        jdbc.sql("update media_request set status = 'DRAFTING', version = version + 1 where id = ?").param(e.subjectId()).update();
    }

    // ------------------------------------------------------------ helpers

    static void requireWorker(CurrentUser user) {
        if (!mayWork(user)) {
            throw new NotFoundException("Media request");
        }
    }

    private static SubjectKind subjectKind(Kind kind) {
        return kind == Kind.PRESS_RELEASE ? SubjectKind.PRESS_RELEASE : SubjectKind.MEDIA_REQUEST;
    }

    /** The journalist in the people directory: found by email, or by exact name, or added. */
    private Long journalist(String name, String email, CurrentUser user) {
        String cleanName = blankToNull(name);
        String cleanEmail = blankToNull(email);
        if (cleanEmail != null) {
            List<PersonSummary> found = people.findByEmail(cleanEmail);
            if (!found.isEmpty()) {
                return found.get(0).id();
            }
        }
        if (cleanName == null) {
            return null;
        }
        if (cleanEmail == null) {
            Optional<PersonSummary> same = people.search(cleanName, 5).stream()
                    .filter(p -> p.displayName().equalsIgnoreCase(cleanName)).findFirst();
            if (same.isPresent()) {
                return same.get().id();
            }
        }
        return people.addFromCorrespondence(cleanName, cleanEmail, user.getUsername());
    }

    private MediaRow toRow(Row r) {
        Instant now = clock.instant();
        return new MediaRow(r.id(), reference(r.kind(), r.id()), r.kind(), r.title(), r.journalistName(), r.outlet(),
                r.member(), r.deadline(),
                r.deadline() == null || !r.status().open() ? null : MediaDeadline.remaining(now, r.deadline()),
                r.deadline() != null && r.status().open() && MediaDeadline.dueWithin(now, r.deadline(), URGENT_HOURS),
                r.status(), "/media/" + r.id());
    }

    private Optional<Row> find(long id) {
        return jdbc.sql(COLUMNS + " where m.id = ?").param(id).query(this::row).optional();
    }

    private record Row(long id, Kind kind, String title, String question, Long journalistId, String journalistName,
            String outlet, Instant deadline, Long memberId, String member, String topic, Status status, String finalText,
            String approvedBy, Instant approvedAt, String contributors, Instant sentAt, String sentBy,
            String declinedReason, String createdBy, Instant createdAt) {}

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("question"), (Long) rs.getObject("journalist_id"), rs.getString("journalist_name"),
                rs.getString("outlet"), instant(rs, "deadline"), (Long) rs.getObject("member_id"),
                rs.getString("member_name"), rs.getString("topic_name"), Status.valueOf(rs.getString("status")),
                rs.getString("final_text"), rs.getString("approved_by"), instant(rs, "approved_at"),
                rs.getString("contributors"), instant(rs, "sent_at"), rs.getString("sent_by"),
                rs.getString("declined_reason"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
