package org.mayorsoffice.casework.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Outcome;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.CaseViews.ActionRow;
import org.mayorsoffice.casework.cases.CaseViews.BoardRow;
import org.mayorsoffice.casework.cases.CaseViews.CaseCounts;
import org.mayorsoffice.casework.cases.CaseViews.CaseDetail;
import org.mayorsoffice.casework.cases.CaseViews.CaseRow;
import org.mayorsoffice.casework.cases.CaseViews.Deadline;
import org.mayorsoffice.casework.cases.CaseViews.TimelineEntry;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.web.Option;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every read the case pages make. Each list is one bounded, indexed query plus one count, whatever
 * the page size, and every query applies {@link CaseVisibility}.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries implements org.mayorsoffice.casework.cases.CaseworkQueue {

    public static final int PAGE_SIZE = 25;

    /** Sort orders a list may ask for, each backed by an index. */
    public enum Sort {
        DUE("c.external_due_on, c.id"), RECEIVED("c.received_on desc, c.id desc"), REFERENCE("c.id desc");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    public record Filters(CaseStatus status, Long caseTypeId, Long wardId, Sort sort) {

        public Filters {
            sort = sort == null ? Sort.DUE : sort;
        }
    }

    private static final String ROW_COLUMNS = """
            select c.id, c.reference, c.subject, t.name as type_name, w.name as ward_name, p.name as portfolio_name,
                   c.status, u.display_name as allocated_name, c.received_on, c.external_due_on, c.paused_since,
                   c.confidentiality, c.priority, c.media_sensitive
            """;

    private static final String ROW_JOINS = """
              join case_type t on t.id = c.case_type_id
              left join ward w on w.id = c.ward_id
              left join portfolio p on p.id = c.portfolio_id
              left join app_user u on u.id = c.allocated_to_id
            """;

    private static final String ROW_SELECT = ROW_COLUMNS + " from casework_case c\n" + ROW_JOINS;

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final PeopleApi people;
    private final CaseAccessAudit accessAudit;
    private final Clock clock;
    private final CaseReferenceOptions referenceOptions;

    CaseQueries(JdbcClient jdbc, WorkingDayCalendar calendar, PeopleApi people, CaseAccessAudit accessAudit, Clock clock,
                CaseReferenceOptions referenceOptions) {
        this.referenceOptions = referenceOptions;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.people = people;
        this.accessAudit = accessAudit;
        this.clock = clock;
    }

    @Override
    public PageView<CaseRow> myCases(CurrentUser user, int page) {
        return myCases(user, new Filters(null, null, null, Sort.DUE), page);
    }

    /** Open cases allocated to the user. */
    public PageView<CaseRow> myCases(CurrentUser user, Filters filters, int page) {
        return openCases(user, filters, user.id(), "/cases/mine", page);
    }

    /** Every open case the user may see (coordinator, head of office, support officers). */
    public PageView<CaseRow> openCases(CurrentUser user, Filters filters, int page) {
        return openCases(user, filters, null, "/cases", page);
    }

    private PageView<CaseRow> openCases(CurrentUser user, Filters filters, Long allocatedTo, String path, int page) {
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        String where = openWhere(filters, allocatedTo, params);
        String query = "?sort=" + filters.sort().name().toLowerCase()
                + (filters.status() == null ? "" : "&status=" + filters.status().name())
                + (filters.caseTypeId() == null ? "" : "&caseTypeId=" + filters.caseTypeId())
                + (filters.wardId() == null ? "" : "&wardId=" + filters.wardId());
        return page(where, filters.sort().orderBy, params, page, n -> path + query + "&page=" + (n + 1));
    }

    /** The open-case lists' conditions (visibility, allocation, filters); adds their parameters. */
    private static String openWhere(Filters filters, Long allocatedTo, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where c.status <> 'CLOSED' and ").append(CaseVisibility.clause("c"));
        if (allocatedTo != null) {
            where.append(" and c.allocated_to_id = :me");
            params.put("me", allocatedTo);
        }
        if (filters.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filters.status().name());
        }
        if (filters.caseTypeId() != null) {
            where.append(" and c.case_type_id = :type");
            params.put("type", filters.caseTypeId());
        }
        if (filters.wardId() != null) {
            where.append(" and c.ward_id = :ward");
            params.put("ward", filters.wardId());
        }
        return where.toString();
    }

    /**
     * Every row of a case list for its download, in the list's order and with its filters, streamed from one cursor
     * (no page limit): "mine" (open cases allocated to the user), "open" (every open case the user may see) or
     * "triage" (new and unallocated).
     */
    public void forEachListedCase(String list, CurrentUser user, Filters filters, java.util.function.Consumer<CaseRow> sink) {
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        String where;
        String orderBy;
        if ("triage".equals(list)) {
            where = " where c.status = 'NEW' and c.allocated_to_id is null and " + CaseVisibility.clause("c");
            orderBy = "c.received_on, c.id";
        } else {
            where = openWhere(filters, "mine".equals(list) ? user.id() : null, params);
            orderBy = filters.sort().orderBy;
        }
        try (var rows = jdbc.sql(ROW_SELECT + where + " order by " + orderBy).params(params).withFetchSize(1000)
                .query(this::row).stream()) {
            rows.forEach(sink);
        }
    }

    @Override
    public long myOverdueCount(CurrentUser user) {
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        params.put("me", user.id());
        params.put("today", LocalDate.now(clock));
        return jdbc.sql("select count(*) from casework_case c where c.allocated_to_id = :me and c.status <> 'CLOSED'"
                        + " and c.status <> 'RESPONSE_SENT' and c.paused_since is null and c.external_due_on < :today and "
                        + CaseVisibility.clause("c"))
                .params(params).query(Long.class).single();
    }

    /** New cases nobody has been given yet, oldest first. */
    @Override
    public PageView<CaseRow> triage(CurrentUser user, int page) {
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        return page(" where c.status = 'NEW' and c.allocated_to_id is null and " + CaseVisibility.clause("c"),
                "c.received_on, c.id", params, page, n -> "/cases/triage?page=" + (n + 1));
    }

    /** Open cases handled on behalf of the user's member record. */
    @Override
    public PageView<CaseRow> memberCases(CurrentUser user, int page) {
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        params.put("memberId", user.memberId() == null ? -1L : user.memberId());
        return page(" where c.member_id = :memberId and c.status <> 'CLOSED' and " + CaseVisibility.clause("c"),
                "c.external_due_on, c.id", params, page, n -> "/home/member?page=" + (n + 1));
    }

    /** Each caseworker's open caseload, overdue, due this week and recent allocations (one grouped query). */
    @Override
    public List<BoardRow> board(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        params.put("today", today);
        params.put("weekEnd", today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
        params.put("weekAgo", java.time.OffsetDateTime.ofInstant(clock.instant().minus(java.time.Duration.ofDays(7)), java.time.ZoneOffset.UTC));
        // Counted per caseworker before the join: the open cases (5,000 at 1,000,000 cases) are grouped once, not
        // sorted and merged with the users first (PostgreSQL a board view at 1M: 8.4-10.1 -> 6.5-6.7 ms).
        return jdbc.sql("""
                        select u.id, u.display_name, coalesce(g.open_count, 0) as open_count,
                               coalesce(g.overdue_count, 0) as overdue_count, coalesce(g.due_week_count, 0) as due_week_count,
                               coalesce(g.recent_count, 0) as recent_count
                          from app_user u
                          join user_role r on r.user_id = u.id and r.role = 'CASEWORKER'
                          left join (select c.allocated_to_id,
                                            count(*) filter (where c.status <> 'CLOSED') as open_count,
                                            count(*) filter (where c.status not in ('CLOSED', 'RESPONSE_SENT') and c.paused_since is null
                                                               and c.external_due_on < :today) as overdue_count,
                                            count(*) filter (where c.status not in ('CLOSED', 'RESPONSE_SENT') and c.paused_since is null
                                                               and c.external_due_on between :today and :weekEnd) as due_week_count,
                                            count(*) filter (where c.allocated_at >= :weekAgo) as recent_count
                                       from casework_case c
                                      where c.allocated_to_id is not null and (c.status <> 'CLOSED' or c.allocated_at >= :weekAgo)
                                        and """ + CaseVisibility.clause("c") + """
                                      group by c.allocated_to_id) g on g.allocated_to_id = u.id
                         where u.enabled
                         order by lower(u.display_name), u.id
                         limit 500""")
                .params(params)
                .query((rs, n) -> new BoardRow(rs.getLong("id"), rs.getString("display_name"), rs.getLong("open_count"),
                        rs.getLong("overdue_count"), rs.getLong("due_week_count"), rs.getLong("recent_count")))
                .list();
    }

    /** Office-wide counts of what the user may see. */
    @Override
    public CaseCounts counts(CurrentUser user) {
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        LocalDate today = LocalDate.now(clock);
        params.put("today", today);
        params.put("weekEnd", today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
        return jdbc.sql("""
                        select count(*) as open_count,
                               count(*) filter (where c.status = 'NEW' and c.allocated_to_id is null) as unallocated,
                               count(*) filter (where c.status not in ('RESPONSE_SENT') and c.paused_since is null
                                                  and c.external_due_on < :today) as overdue,
                               count(*) filter (where c.status not in ('RESPONSE_SENT') and c.paused_since is null
                                                  and c.external_due_on between :today and :weekEnd) as due_week,
                               count(*) filter (where c.status = 'AWAITING_APPROVAL') as awaiting_approval
                          from casework_case c
                         where c.status <> 'CLOSED' and """ + CaseVisibility.clause("c"))
                .params(params)
                .query((rs, n) -> new CaseCounts(rs.getLong("open_count"), rs.getLong("unallocated"), rs.getLong("overdue"),
                        rs.getLong("due_week"), rs.getLong("awaiting_approval")))
                .single();
    }

    /** The case page: details, people, timeline and actions, if the user may see the case. Views of sensitive and restricted cases are audited. */
    public CaseDetail detail(long caseId, CurrentUser user) {
        return detail(caseId, user, true, true);
    }

    /**
     * The case's own fields without its people, timeline, follow-up actions, links and tags (those lists are empty),
     * for the pages that act on a case and show only its heading (add a note, change status, allocate, deadline,
     * action, tag, link): one statement instead of seven. Access is checked and audited as for {@link #detail}.
     */
    public CaseDetail fields(long caseId, CurrentUser user) {
        return detail(caseId, user, true, false);
    }

    /** The case for a background job (mail intake, chasers): not a view by a person, so not audited as one. */
    CaseDetail detailAsSystem(long caseId) {
        return detail(caseId, CaseDeskService.system("System"), false, true);
    }

    private CaseDetail detail(long caseId, CurrentUser user, boolean audited, boolean parts) {
        CaseVisibility visibility = CaseVisibility.of(user);
        var found = jdbc.sql("""
                        select c.*, t.name as type_name, tp.name as topic_name, p.name as portfolio_name, w.name as ward_name,
                               m.full_name as member_name, u.display_name as allocated_name
                          from casework_case c
                          join case_type t on t.id = c.case_type_id
                          left join topic tp on tp.id = c.topic_id
                          left join portfolio p on p.id = c.portfolio_id
                          left join ward w on w.id = c.ward_id
                          left join member m on m.id = c.member_id
                          left join app_user u on u.id = c.allocated_to_id
                         where c.id = :id and """ + CaseVisibility.clause("c"))
                .param("id", caseId).params(visibility.params())
                .query((rs, n) -> mapDetail(rs, visibility, parts))
                .optional();
        if (found.isEmpty()) {
            boolean exists = jdbc.sql("select count(*) from casework_case where id = ?").param(caseId).query(Long.class).single() > 0;
            if (exists) {
                accessAudit.record(user.getUsername(), "case.access-refused", caseId, null);
            }
            throw new NotFoundException("Case");
        }
        CaseDetail detail = found.get();
        if (audited && detail.confidentiality() != Confidentiality.STANDARD) {
            accessAudit.record(user.getUsername(), "case.viewed", caseId, detail.confidentiality().label() + " case viewed");
        }
        return detail;
    }

    private CaseDetail mapDetail(ResultSet rs, CaseVisibility visibility, boolean parts) throws SQLException {
        long id = rs.getLong("id");
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        LocalDate externalDue = rs.getObject("external_due_on", LocalDate.class);
        LocalDate paused = rs.getObject("paused_since", LocalDate.class);
        // The case's parts: six more statements for the case page, none for the pages that show only its fields.
        List<org.mayorsoffice.casework.people.PeopleApi.PersonSummary> persons = List.of();
        List<TimelineEntry> timeline = List.of();
        List<ActionRow> actions = List.of();
        List<org.mayorsoffice.casework.cases.CaseViews.LinkRow> links = List.of();
        List<String> tags = List.of();
        if (parts) {
            persons = people.summaries(jdbc.sql("select person_id from case_person where case_id = ? order by person_id limit 50")
                    .param(id).query(Long.class).list());
            timeline = timeline(id);
            actions = caseActions(id);
            links = links(id, visibility);
            tags = jdbc.sql("select tag from case_tag where case_id = ? order by tag limit 100").param(id).query(String.class).list();
        }
        Priority priority = Priority.valueOf(rs.getString("priority"));
        LawfulBasis basis = LawfulBasis.valueOf(rs.getString("lawful_basis"));
        String outcome = rs.getString("outcome");
        return new CaseDetail(id, rs.getString("reference"), rs.getString("subject"), rs.getString("description"),
                rs.getLong("case_type_id"), rs.getString("type_name"), Channel.valueOf(rs.getString("channel")).label(),
                rs.getString("topic_name"), (Long) rs.getObject("topic_id"), rs.getString("portfolio_name"),
                (Long) rs.getObject("portfolio_id"), rs.getString("ward_name"), (Long) rs.getObject("ward_id"),
                rs.getString("member_name"), (Long) rs.getObject("member_id"), priority.label(), priority.name(), status,
                outcome == null ? null : Outcome.valueOf(outcome).label(),
                Confidentiality.valueOf(rs.getString("confidentiality")), basis.label(), basis.name(),
                rs.getBoolean("special_category"), rs.getObject("received_on", LocalDate.class),
                rs.getObject("internal_due_on", LocalDate.class), deadline(externalDue, status, paused), paused,
                (Long) rs.getObject("allocated_to_id"), rs.getString("allocated_name"), rs.getString("created_by"),
                rs.getLong("version"), persons, timeline, actions,
                status.nextChoices().isEmpty() ? EnumSet.noneOf(CaseStatus.class) : EnumSet.copyOf(status.nextChoices()),
                links, tags, rs.getBoolean("media_sensitive"),
                rs.getBoolean("legal_hold"), rs.getString("legal_hold_reason"), rs.getBoolean("personal_to_member"));
    }

    /** Links both ways, each shown only if the linked case is one the user may see. */
    private List<org.mayorsoffice.casework.cases.CaseViews.LinkRow> links(long caseId, CaseVisibility visibility) {
        return jdbc.sql("""
                        select o.id, o.reference, o.subject, o.confidentiality, l.kind, l.case_id = :id as outgoing
                          from case_link l
                          join casework_case o on o.id = case when l.case_id = :id then l.linked_case_id else l.case_id end
                         where (l.case_id = :id or l.linked_case_id = :id) and """ + CaseVisibility.clause("o") + """
                         order by o.id limit 100""")
                .param("id", caseId).params(visibility.params())
                .query((rs, n) -> new org.mayorsoffice.casework.cases.CaseViews.LinkRow(rs.getLong("id"),
                        rs.getString("reference"), rs.getString("subject"),
                        "RELATED".equals(rs.getString("kind")) ? "Related" : rs.getBoolean("outgoing") ? "Duplicate of" : "Has duplicate"))
                .list();
    }

    private List<TimelineEntry> timeline(long caseId) {
        return jdbc.sql("select occurred_at, actor, kind, body, internal from case_event where case_id = ?"
                        + " order by occurred_at desc, id desc limit 500")
                .param(caseId)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        kindLabel(rs.getString("kind")), rs.getString("body"), rs.getBoolean("internal")))
                .list();
    }

    private List<ActionRow> caseActions(long caseId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select a.id, a.case_id, a.description, a.due_on, a.done_at, u.display_name from case_action a"
                        + " join app_user u on u.id = a.assignee_id where a.case_id = ? order by a.done_at nulls first, a.due_on limit 100")
                .param(caseId)
                .query((rs, n) -> new ActionRow(rs.getLong("id"), rs.getLong("case_id"), null, rs.getString("description"),
                        rs.getObject("due_on", LocalDate.class), rs.getString("display_name"),
                        rs.getTimestamp("done_at") == null && rs.getObject("due_on", LocalDate.class).isBefore(today),
                        rs.getTimestamp("done_at") != null))
                .list();
    }

    /** The user's open follow-up actions, overdue first (bounded). */
    @Override
    public List<ActionRow> myActions(CurrentUser user, int limit) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        params.put("me", user.id());
        params.put("limit", Math.min(Math.max(limit, 1), PageView.MAX_PAGE_SIZE));
        return jdbc.sql("select a.id, a.case_id, c.reference, a.description, a.due_on from case_action a"
                        + " join casework_case c on c.id = a.case_id"
                        + " where a.assignee_id = :me and a.done_at is null and " + CaseVisibility.clause("c")
                        + " order by a.due_on, a.id limit :limit")
                .params(params)
                .query((rs, n) -> new ActionRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("reference"),
                        rs.getString("description"), rs.getObject("due_on", LocalDate.class), null,
                        rs.getObject("due_on", LocalDate.class).isBefore(today), false))
                .list();
    }

    /** The audit trail of one case, newest first (head of office). */
    public List<Map<String, Object>> auditTrail(long caseId, CurrentUser user) {
        detail(caseId, user);
        return jdbc.sql("select occurred_at, actor, action, field, old_value, new_value, detail from audit_event"
                        + " where subject_type = 'case' and subject_id = ? order by occurred_at desc, id desc limit 1000")
                .param(String.valueOf(caseId)).query().listOfRows();
    }

    /** References of those of the given cases the user may see. */
    public Map<Long, String> references(List<Long> ids, CurrentUser user) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        params.put("ids", ids.stream().limit(PageView.MAX_PAGE_SIZE).toList());
        Map<Long, String> references = new HashMap<>();
        jdbc.sql("select c.id, c.reference from casework_case c where c.id in (:ids) and " + CaseVisibility.clause("c"))
                .params(params)
                .query((rs, n) -> references.put(rs.getLong(1), rs.getString(2)))
                .list();
        return references;
    }

    /** Who is on a case's access list (besides its caseworker and the head of office). */
    public List<Option> accessList(long caseId, CurrentUser user) {
        detail(caseId, user);
        return jdbc.sql("select u.id, u.display_name from case_access a join app_user u on u.id = a.user_id"
                        + " where a.case_id = ? order by lower(u.display_name) limit 200")
                .param(caseId).query((rs, n) -> Option.of(rs.getLong(1), rs.getString(2))).list();
    }

    /** Active case types (from memory, see {@link CaseReferenceOptions}; no transaction of its own). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Option> caseTypeOptions() {
        return referenceOptions.caseTypes();
    }

    /** Active topics (from memory, see {@link CaseReferenceOptions}). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Option> topicOptions() {
        return referenceOptions.topics();
    }

    public List<Option> caseworkerOptions() {
        return jdbc.sql("select distinct u.id, u.display_name, lower(u.display_name) from app_user u join user_role r on r.user_id = u.id"
                        + " where u.enabled and r.role in ('CASEWORKER', 'CABINET_SUPPORT_OFFICER')"
                        + " order by lower(u.display_name), u.id limit 500")
                .query((rs, n) -> Option.of(rs.getLong("id"), rs.getString("display_name"))).list();
    }

    public List<Option> staffOptions() {
        return jdbc.sql("select u.id, u.display_name from app_user u where u.enabled and exists (select 1 from user_role r"
                        + " where r.user_id = u.id and r.role <> 'ADMIN') order by lower(u.display_name), u.id limit 500")
                .query((rs, n) -> Option.of(rs.getLong("id"), rs.getString("display_name"))).list();
    }

    Deadline deadline(LocalDate due, CaseStatus status, LocalDate pausedSince) {
        LocalDate today = LocalDate.now(clock);
        if (!status.isOpen()) {
            return new Deadline(due, "Closed", "grey", false, false);
        }
        if (status == CaseStatus.RESPONSE_SENT) {
            return new Deadline(due, "Responded", "green", false, false);
        }
        if (pausedSince != null) {
            return new Deadline(due, "Clock paused", "grey", false, false);
        }
        if (due.isBefore(today)) {
            return new Deadline(due, "Overdue", "red", true, false);
        }
        if (calendar.workingDaysBetween(today, due) <= 2) {
            return new Deadline(due, "Due soon", "orange", false, true);
        }
        return new Deadline(due, "On time", "green", false, false);
    }

    /**
     * Open cases the user may see matching a reference, words of the subject or a person's name; newest first.
     * The subject and name conditions use trigram indexes.
     */
    public List<CaseRow> search(String text, CurrentUser user, int limit) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() < 2) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        params.put("ref", clean.toUpperCase(java.util.Locale.ROOT));
        params.put("like", "%" + clean.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        params.put("limit", Math.max(1, Math.min(limit, 20)));
        return jdbc.sql(ROW_SELECT + " where c.status <> 'CLOSED' and " + CaseVisibility.clause("c")
                        + " and (c.reference = :ref or lower(c.subject) like :like or c.id in (select cp.case_id from case_person cp"
                        + " join person p on p.id = cp.person_id where lower(coalesce(p.first_name, '') || ' ' ||"
                        + " coalesce(p.last_name, '') || ' ' || coalesce(p.organisation_name, '')) like :like))"
                        + " order by c.id desc limit :limit")
                .params(params)
                .query(this::row)
                .list();
    }

    /**
     * For the diary's briefing context: cases the user may see about any of the people, the ward or the topic,
     * open or closed in the last 90 days, newest first (at most 20).
     */
    public List<CaseRow> recentFor(Long wardId, Long topicId, java.util.Collection<Long> personIds, CurrentUser user,
            int limit) {
        boolean anyPeople = personIds != null && !personIds.isEmpty();
        if (wardId == null && topicId == null && !anyPeople) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(CaseVisibility.of(user).params());
        params.put("ward", wardId == null ? -1L : wardId);
        params.put("topic", topicId == null ? -1L : topicId);
        params.put("people", anyPeople ? List.copyOf(personIds) : List.of(-1L));
        params.put("closedSince", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(90))));
        params.put("limit", Math.max(1, Math.min(limit, 20)));
        return jdbc.sql(ROW_SELECT + " where " + CaseVisibility.clause("c")
                        + " and (c.status <> 'CLOSED' or c.closed_at >= :closedSince)"
                        + " and (c.ward_id = :ward or c.topic_id = :topic"
                        + " or c.id in (select cp.case_id from case_person cp where cp.person_id in (:people)))"
                        + " order by c.received_on desc, c.id desc limit :limit")
                .params(params)
                .query(this::row)
                .list();
    }

    private CaseRow row(ResultSet rs, int n) throws SQLException {
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        return new CaseRow(rs.getLong("id"), rs.getString("reference"), rs.getString("subject"),
                rs.getString("type_name"), rs.getString("ward_name"), rs.getString("portfolio_name"), status,
                status.label(), status.colour(), rs.getString("allocated_name"),
                rs.getObject("received_on", LocalDate.class),
                deadline(rs.getObject("external_due_on", LocalDate.class), status,
                        rs.getObject("paused_since", LocalDate.class)),
                Confidentiality.valueOf(rs.getString("confidentiality")),
                Priority.valueOf(rs.getString("priority")).label(), rs.getBoolean("media_sensitive"));
    }

    private PageView<CaseRow> page(String where, String orderBy, Map<String, Object> params, int page,
            java.util.function.IntFunction<String> href) {
        long total = jdbc.sql("select count(*) from casework_case c" + where).params(params).query(Long.class).single();
        int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(page, 0), totalPages - 1);
        Map<String, Object> withPaging = new HashMap<>(params);
        withPaging.put("limit", PAGE_SIZE);
        withPaging.put("offset", number * PAGE_SIZE);
        // The page's cases are picked from the case table alone and only then joined to their type, ward, portfolio and
        // caseworker: written as one join, PostgreSQL joined all 2,000 new cases of a million-case office before sorting
        // them for the triage queue's first 25 (2.9 ms against 0.4 at 10,000 cases); on its own the pick walks the
        // list's index and stops at the page (0.6 ms).
        List<CaseRow> rows = jdbc.sql(ROW_COLUMNS + " from (select c.* from casework_case c" + where + " order by " + orderBy
                        + " limit :limit offset :offset) c\n" + ROW_JOINS + " order by " + orderBy)
                .params(withPaging)
                .query(this::row)
                .list();
        return PageView.of(new ArrayList<>(rows), number, totalPages, total, href);
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "CREATED" -> "Case opened";
            case "NOTE" -> "Note";
            case "STATUS" -> "Status";
            case "ALLOCATION" -> "Allocation";
            case "DEADLINE" -> "Deadline";
            case "ACTION" -> "Follow-up action";
            case "ATTACHMENT" -> "Attachment";
            case "LINK" -> "Linked case";
            case "ENQUIRY" -> "Members' enquiry";
            case "DRAFT" -> "Draft response";
            case "APPROVAL" -> "Approval";
            case "DISPATCH" -> "Response sent";
            default -> "Correspondence";
        };
    }
}
