package org.mayorsoffice.casework.diary.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.InvitationStatus;
import org.mayorsoffice.casework.diary.internal.DiaryViews.InvitationDetail;
import org.mayorsoffice.casework.diary.internal.DiaryViews.InvitationRow;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invitations to members: logged, decided (accept creates the engagement; decline records the reply), chased. */
@Service
@Transactional(readOnly = true)
public class InvitationService {

    static final int PAGE_SIZE = 25;

    public record NewInvitation(Long memberId, String inviter, String title, String details, EngagementKind kind,
            LocalDate date, LocalTime startTime, LocalTime endTime, String location, LocalDate replyBy) {}

    public enum Decision { ACCEPT, DECLINE }

    private final JdbcClient jdbc;
    private final DiaryDirectory directory;
    private final DiaryService diary;
    private final DiaryQueries queries;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;

    InvitationService(JdbcClient jdbc, DiaryDirectory directory, DiaryService diary, DiaryQueries queries,
            WorkingDayCalendar calendar, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.diary = diary;
        this.queries = queries;
        this.calendar = calendar;
        this.events = events;
    }

    @Transactional
    public long log(NewInvitation c, CurrentUser user) {
        DiaryService.requireKeeper(user);
        if (c.memberId() == null || !directory.isMember(c.memberId())) {
            throw new RuleViolationException("memberId", "Select who is invited");
        }
        String inviter = DiaryService.trim(c.inviter());
        if (inviter == null) {
            throw new RuleViolationException("inviter", "Enter who the invitation is from");
        }
        String title = DiaryService.trim(c.title());
        if (title == null) {
            throw new RuleViolationException("title", "Enter what the invitation is to");
        }
        if (inviter.length() > 200 || title.length() > 200) {
            throw new RuleViolationException(inviter.length() > 200 ? "inviter" : "title", "Must be 200 characters or fewer");
        }
        String details = DiaryService.trim(c.details());
        if (details != null && details.length() > 5000) {
            throw new RuleViolationException("details", "Details must be 5,000 characters or fewer");
        }
        if (c.kind() == null) {
            throw new RuleViolationException("kind", "Select the type of engagement");
        }
        if (c.date() == null) {
            throw new RuleViolationException("date", "Enter the date of the engagement");
        }
        if (c.startTime() == null) {
            throw new RuleViolationException("startTime", "Enter the start time, for example 10:00");
        }
        if (c.endTime() == null) {
            throw new RuleViolationException("endTime", "Enter the end time, for example 11:30");
        }
        if (!c.endTime().isAfter(c.startTime())) {
            throw new RuleViolationException("endTime", "End time must be after the start time");
        }
        if (c.replyBy() != null && c.replyBy().isAfter(c.date())) {
            throw new RuleViolationException("replyBy", "Reply by must be on or before the date of the engagement");
        }
        String location = DiaryService.trim(c.location());
        if (location != null && location.length() > 300) {
            throw new RuleViolationException("location", "Location must be 300 characters or fewer");
        }
        long id = jdbc.sql("""
                        insert into invitation (member_id, inviter, title, details, kind, starts_at, ends_at, location,
                            reply_by, received_on, status, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_DECISION', ?) returning id""")
                .params(c.memberId(), inviter, title, details, c.kind().name(),
                        DiaryService.ts(DiaryTimes.at(c.date(), c.startTime())), DiaryService.ts(DiaryTimes.at(c.date(), c.endTime())),
                        location, c.replyBy(), queries.today(), user.getUsername())
                .query(Long.class).single();
        events.publishEvent(AuditEntry.of(user.getUsername(), "invitation.logged", "invitation", id).detail(title).build());
        return id;
    }

    /**
     * Accept: the engagement is created in the member's diary (confirmed, so the member is told) and
     * linked; decline: the reply is recorded. Returns the engagement id when accepted.
     */
    @Transactional
    public Long decide(long id, Decision decision, String note, Long version, CurrentUser user) {
        DiaryService.requireKeeper(user);
        InvitationDetail inv = detail(id, user);
        if (!inv.awaitingDecision()) {
            throw new RuleViolationException("decision", "This invitation has already been " + inv.status().toLowerCase());
        }
        if (decision == null) {
            throw new RuleViolationException("decision", "Select whether to accept or decline");
        }
        String reply = DiaryService.trim(note);
        if (reply != null && reply.length() > 2000) {
            throw new RuleViolationException("replyNote", "The reply must be 2,000 characters or fewer");
        }
        if (decision == Decision.DECLINE && reply == null) {
            throw new RuleViolationException("replyNote", "Enter the reply sent, for example the reason for declining");
        }
        if (version == null || version != inv.version()) {
            throw new ConcurrentEditException("invitation", inv.version());
        }
        Long engagementId = null;
        if (decision == Decision.ACCEPT) {
            Map<String, Object> row = jdbc.sql("select kind, starts_at, ends_at, details from invitation where id = ?").param(id)
                    .query().singleRow();
            Instant start = ((java.sql.Timestamp) row.get("starts_at")).toInstant();
            Instant end = ((java.sql.Timestamp) row.get("ends_at")).toInstant();
            var s = DiaryTimes.london(start);
            var e = DiaryTimes.london(end);
            LocalTime endTime = e.toLocalDate().equals(s.toLocalDate()) ? e.toLocalTime() : LocalTime.of(23, 59);
            String external = inv.inviter();
            engagementId = diary.create(new EngagementCommand(inv.memberId(), inv.title(), EngagementKind.valueOf((String) row.get("kind")),
                    s.toLocalDate(), s.toLocalTime(), endTime, inv.location(), external, (String) row.get("details"),
                    EngagementStatus.CONFIRMED, false, null, null, List.of(), null), user);
        }
        jdbc.sql("update invitation set status = ?, reply_note = ?, decided_at = now(), decided_by = ?, engagement_id = ?,"
                        + " version = version + 1 where id = ?")
                .params(decision == Decision.ACCEPT ? "ACCEPTED" : "DECLINED", reply, user.displayName(), engagementId, id)
                .update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "invitation." + (decision == Decision.ACCEPT ? "accepted" : "declined"),
                "invitation", id).detail(reply).build());
        return engagementId;
    }

    private static final String ROW_SELECT = """
            select i.id, i.member_id, m.full_name, i.inviter, i.title, i.starts_at, i.ends_at, i.reply_by, i.received_on,
                i.status, i.engagement_id
            from invitation i join member m on m.id = i.member_id
            """;

    /** Invitations awaiting a decision, soonest reply first; those past or near their reply-by date flagged. */
    public PageView<InvitationRow> awaiting(int page) {
        return page(" where i.status = 'AWAITING_DECISION'", "i.reply_by nulls last, i.id", page, "/invitations?page=");
    }

    /** Decided invitations, most recent first. */
    public PageView<InvitationRow> decided(int page) {
        return page(" where i.status <> 'AWAITING_DECISION'", "i.decided_at desc nulls last, i.id desc", page,
                "/invitations?show=decided&page=");
    }

    private PageView<InvitationRow> page(String where, String order, int page, String href) {
        long total = jdbc.sql("select count(*) from invitation i" + where).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.max(0, Math.min(page, pages - 1));
        LocalDate today = queries.today();
        LocalDate soon = calendar.addWorkingDays(today, 2);
        List<InvitationRow> rows = jdbc.sql(ROW_SELECT + where + " order by " + order + " limit ? offset ?")
                .params(PAGE_SIZE, number * PAGE_SIZE)
                .query((rs, n) -> {
                    InvitationStatus status = InvitationStatus.valueOf(rs.getString("status"));
                    LocalDate replyBy = rs.getObject("reply_by", LocalDate.class);
                    boolean open = status == InvitationStatus.AWAITING_DECISION;
                    long engagementId = rs.getLong("engagement_id");
                    return new InvitationRow(rs.getLong("id"), rs.getLong("member_id"), rs.getString("full_name"),
                            rs.getString("inviter"), rs.getString("title"),
                            DiaryTimes.when(rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()),
                            replyBy, rs.getObject("received_on", LocalDate.class), status.label(), status.colour(),
                            open && replyBy != null && replyBy.isBefore(today),
                            open && replyBy != null && !replyBy.isBefore(today) && !replyBy.isAfter(soon),
                            rs.wasNull() ? null : engagementId);
                })
                .list();
        return PageView.of(rows, number, pages, total, i -> href + (i + 1));
    }

    public InvitationDetail detail(long id, CurrentUser user) {
        DiaryService.requireKeeper(user);
        return jdbc.sql("""
                        select i.*, m.full_name from invitation i join member m on m.id = i.member_id where i.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    InvitationStatus status = InvitationStatus.valueOf(rs.getString("status"));
                    Instant start = rs.getTimestamp("starts_at").toInstant();
                    Instant end = rs.getTimestamp("ends_at").toInstant();
                    long engagementId = rs.getLong("engagement_id");
                    Long eid = rs.wasNull() ? null : engagementId;
                    return new InvitationDetail(rs.getLong("id"), rs.getLong("member_id"), rs.getString("full_name"),
                            rs.getString("inviter"), rs.getString("title"), rs.getString("details"),
                            EngagementKind.valueOf(rs.getString("kind")).label(), DiaryTimes.when(start, end),
                            rs.getString("location"), rs.getObject("reply_by", LocalDate.class),
                            rs.getObject("received_on", LocalDate.class), status.label(), status.name(), status.colour(),
                            rs.getString("reply_note"), rs.getString("decided_by"),
                            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), eid,
                            sameTime(rs.getLong("member_id"), start, end, user), rs.getLong("version"));
                })
                .optional().orElseThrow(() -> new NotFoundException("Invitation"));
    }

    /** What the member already has at that time (so the office sees a clash before accepting). */
    private List<DiaryViews.EngagementRow> sameTime(long memberId, Instant start, Instant end, CurrentUser user) {
        LocalDate day = DiaryTimes.london(start).toLocalDate();
        return queries.rows(" where e.member_id = :member and e.status not in ('CANCELLED', 'DECLINED')", Map.of("member", memberId),
                        day.minusDays(1), DiaryTimes.london(end).toLocalDate().plusDays(1), user)
                .stream().filter(r -> r.start().isBefore(end) && start.isBefore(r.end())).toList();
    }
}
