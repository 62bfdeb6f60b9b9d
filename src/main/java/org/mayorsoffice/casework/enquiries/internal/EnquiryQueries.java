package org.mayorsoffice.casework.enquiries.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.cases.CaseVisibilityRule;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.enquiries.EnquiryApi;
import org.mayorsoffice.casework.enquiries.EnquiryStatus;
import org.mayorsoffice.casework.enquiries.ChaseKind;
import org.mayorsoffice.casework.enquiries.internal.EnquiryViews.CaseEnquiryRow;
import org.mayorsoffice.casework.enquiries.internal.EnquiryViews.ChaseRow;
import org.mayorsoffice.casework.enquiries.internal.EnquiryViews.DirectorateCount;
import org.mayorsoffice.casework.enquiries.internal.EnquiryViews.EnquiryDetail;
import org.mayorsoffice.casework.enquiries.internal.EnquiryViews.EnquiryList;
import org.mayorsoffice.casework.enquiries.internal.EnquiryViews.EnquiryRow;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.calendar.WorkingDays;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enquiry lists and pages. Every query joins the enquiry's case and applies the case's visibility. */
@Service
@Transactional(readOnly = true)
public class EnquiryQueries implements EnquiryApi {

    public static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;
    private final CaseDesk cases;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    EnquiryQueries(JdbcClient jdbc, CaseDesk cases, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Open enquiries the user may see, soonest due first (so the most overdue lead), optionally for one
     * directorate and/or overdue only; {@link #PAGE_SIZE} to a page.
     */
    public EnquiryList open(CurrentUser user, Long directorateId, boolean overdueOnly, int page) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> v = CaseVisibilityRule.params(user);
        Map<String, Object> params = new HashMap<>(v);
        params.put("today", today);
        List<DirectorateCount> counts = jdbc.sql("select d.id as directorate_id, d.name, count(*) as open,"
                        + " count(*) filter (where e.due_on < :today) as overdue"
                        + " from members_enquiry e join casework_case c on c.id = e.case_id join directorate d on d.id = e.directorate_id"
                        + " where e.status = 'OPEN' and " + CaseVisibilityRule.clause("c")
                        + " group by d.id, d.name order by lower(d.name) limit 500")
                .params(params).query(DirectorateCount.class).list();
        long totalOpen = counts.stream().mapToLong(DirectorateCount::open).sum();
        long totalOverdue = counts.stream().mapToLong(DirectorateCount::overdue).sum();
        StringBuilder where = new StringBuilder(" where e.status = 'OPEN' and " + CaseVisibilityRule.clause("c"));
        if (directorateId != null) {
            where.append(" and e.directorate_id = :directorate");
            params.put("directorate", directorateId);
        }
        if (overdueOnly) {
            where.append(" and e.due_on < :today");
        }
        long total = jdbc.sql("select count(*) from members_enquiry e join casework_case c on c.id = e.case_id" + where)
                .params(params).query(Long.class).single();
        int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.max(0, Math.min(page, totalPages - 1));
        params.put("limit", PAGE_SIZE);
        params.put("offset", number * PAGE_SIZE);
        WorkingDays days = calendar.workingDays();
        List<EnquiryRow> rows = jdbc.sql("select e.id, e.reference, e.case_id, c.reference as case_reference,"
                        + " c.subject as case_subject, e.recipient, e.raised_on, e.due_on, e.last_chased_on, e.chase_count,"
                        + " u.display_name as caseworker"
                        + " from members_enquiry e join casework_case c on c.id = e.case_id"
                        + " left join app_user u on u.id = c.allocated_to_id" + where
                        + " order by e.due_on, e.id limit :limit offset :offset")
                .params(params).query((rs, n) -> row(rs, today, days)).list();
        String base = "/enquiries?" + (directorateId == null ? "" : "directorate=" + directorateId + "&")
                + (overdueOnly ? "overdue=true&" : "");
        return new EnquiryList(PageView.of(rows, number, totalPages, total, p -> base + "page=" + (p + 1)), counts,
                totalOpen, totalOverdue);
    }

    private static EnquiryRow row(ResultSet rs, LocalDate today, WorkingDays days) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        boolean overdue = today.isAfter(due);
        String[] tag = EnquiryViews.tag(EnquiryStatus.OPEN, overdue, today.equals(due), null);
        return new EnquiryRow(rs.getLong("id"), rs.getString("reference"), rs.getLong("case_id"),
                rs.getString("case_reference"), rs.getString("case_subject"), rs.getString("recipient"),
                rs.getObject("raised_on", LocalDate.class), due, rs.getObject("last_chased_on", LocalDate.class),
                rs.getInt("chase_count"), rs.getString("caseworker"), overdue,
                overdue ? days.workingDaysBetween(due, today) : 0, tag[0], tag[1]);
    }

    /** The enquiry with its chase history, if the user may see its case (the view is audited as the case's). */
    public EnquiryDetail detail(long id, CurrentUser user) {
        Long caseId = jdbc.sql("select case_id from members_enquiry where id = ?").param(id).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("Enquiry"));
        if (cases.summary(caseId, user).isEmpty()) {
            throw new NotFoundException("Enquiry");
        }
        return detailAsSystem(id);
    }

    EnquiryDetail detailAsSystem(long id) {
        LocalDate today = LocalDate.now(clock);
        List<ChaseRow> chases = jdbc.sql("select chase_date, kind, to_address, cc_address, sent_at from enquiry_chase"
                        + " where enquiry_id = ? order by chase_date, id limit 500")
                .param(id)
                .query((rs, n) -> new ChaseRow(rs.getObject("chase_date", LocalDate.class),
                        ChaseKind.valueOf(rs.getString("kind")).label(), rs.getString("to_address"),
                        rs.getString("cc_address"), rs.getObject("sent_at", OffsetDateTime.class).toInstant()))
                .list();
        return jdbc.sql("select e.*, c.reference as case_reference, c.subject as case_subject,"
                        + " coalesce(ru.display_name, e.raised_by) as raised_by_name,"
                        + " coalesce(cu.display_name, e.closed_by) as closed_by_name"
                        + " from members_enquiry e join casework_case c on c.id = e.case_id"
                        + " left join app_user ru on ru.id = e.raised_by_id"
                        + " left join app_user cu on cu.username = e.closed_by where e.id = ?")
                .param(id)
                .query((rs, n) -> {
                    EnquiryStatus status = EnquiryStatus.valueOf(rs.getString("status"));
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    boolean overdue = status == EnquiryStatus.OPEN && today.isAfter(due);
                    Boolean late = (Boolean) rs.getObject("answered_late");
                    String[] tag = EnquiryViews.tag(status, overdue, today.equals(due), late);
                    OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
                    return new EnquiryDetail(rs.getLong("id"), rs.getString("reference"), rs.getLong("case_id"),
                            rs.getString("case_reference"), rs.getString("case_subject"), rs.getString("recipient"),
                            rs.getString("to_address"), rs.getString("question"), rs.getInt("target_days"),
                            rs.getObject("raised_on", LocalDate.class), due, status, tag[0], tag[1], overdue,
                            overdue ? calendar.workingDaysBetween(due, today) : 0, rs.getString("response"),
                            rs.getObject("responded_on", LocalDate.class), late, rs.getString("withdrawn_reason"),
                            rs.getObject("last_chased_on", LocalDate.class), rs.getString("raised_by_name"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("closed_by_name"),
                            closedAt == null ? null : closedAt.toInstant(), chases);
                })
                .optional().orElseThrow(() -> new NotFoundException("Enquiry"));
    }

    /** Every enquiry on the case, newest first (at most 100); the caller has checked the user may see the case. */
    public List<CaseEnquiryRow> onCase(long caseId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select id, reference, recipient, raised_on, due_on, status, responded_on, answered_late"
                        + " from members_enquiry where case_id = ? order by created_at desc, id desc limit 100")
                .param(caseId)
                .query((rs, n) -> {
                    EnquiryStatus status = EnquiryStatus.valueOf(rs.getString("status"));
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    String[] tag = EnquiryViews.tag(status, status == EnquiryStatus.OPEN && today.isAfter(due),
                            today.equals(due), (Boolean) rs.getObject("answered_late"));
                    return new CaseEnquiryRow(rs.getLong("id"), rs.getString("reference"), rs.getString("recipient"),
                            rs.getObject("raised_on", LocalDate.class), due, status, tag[0], tag[1],
                            rs.getObject("responded_on", LocalDate.class));
                })
                .list();
    }

    @Override
    public List<EnquirySummary> forCase(long caseId, CurrentUser user) {
        var found = cases.summary(caseId, user);
        if (found.isEmpty()) {
            return List.of();
        }
        String reference = found.get().reference();
        LocalDate today = LocalDate.now(clock);
        return onCase(caseId).stream()
                .map(r -> new EnquirySummary(r.id(), r.reference(), caseId, reference, r.recipient(), r.status(),
                        r.raisedOn(), r.dueOn(), r.status() == EnquiryStatus.OPEN && today.isAfter(r.dueOn())))
                .toList();
    }

    @Override
    public long overdueCount(CurrentUser user) {
        Map<String, Object> params = new HashMap<>(CaseVisibilityRule.params(user));
        params.put("today", LocalDate.now(clock));
        return jdbc.sql("select count(*) from members_enquiry e join casework_case c on c.id = e.case_id"
                        + " where e.status = 'OPEN' and e.due_on < :today and " + CaseVisibilityRule.clause("c"))
                .params(params).query(Long.class).single();
    }
}
