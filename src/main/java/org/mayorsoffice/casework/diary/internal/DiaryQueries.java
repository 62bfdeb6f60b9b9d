package org.mayorsoffice.casework.diary.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mayorsoffice.casework.diary.DiaryApi;
import org.mayorsoffice.casework.diary.internal.Clashes.Slot;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingStatus;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.RequirementKind;
import org.mayorsoffice.casework.diary.internal.DiaryViews.ActionRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.BriefingRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.DayColumn;
import org.mayorsoffice.casework.diary.internal.DiaryViews.DiaryPage;
import org.mayorsoffice.casework.diary.internal.DiaryViews.EngagementDetail;
import org.mayorsoffice.casework.diary.internal.DiaryViews.EngagementRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.OfficeRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.OfficeWeek;
import org.mayorsoffice.casework.diary.internal.DiaryViews.RequirementRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.StakeholderHistory;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The diary's read side: a member's day, week and agenda, the office-wide week, an engagement's page. */
@Service
@Transactional(readOnly = true)
public class DiaryQueries implements DiaryApi {

    /** The most engagements any one diary page reads. */
    static final int MAX_ROWS = 500;
    static final int AGENDA_DAYS = 28;

    private static final String ROW_COLUMNS = """
            select e.id, e.member_id, m.full_name, e.title, e.kind, e.starts_at, e.ends_at, e.location, e.status, e.private
            """;

    private static final String ROW_SELECT = ROW_COLUMNS + " from engagement e join member m on m.id = e.member_id ";

    /**
     * Confirmed or tentative engagements starting in [:from, :to) with no ready briefing (the partial index of ready
     * briefings, V72, answers each engagement).
     */
    private static final String UNBRIEFED = """
             where e.status in ('CONFIRMED', 'TENTATIVE') and e.starts_at >= :from and e.starts_at < :to
               and not exists (select 1 from briefing b where b.engagement_id = e.id and b.status = 'READY')
            """;

    private final JdbcClient jdbc;
    private final DiaryDirectory directory;
    private final PeopleApi people;
    private final Clock clock;

    DiaryQueries(JdbcClient jdbc, DiaryDirectory directory, PeopleApi people, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.people = people;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DiaryTimes.LONDON));
    }

    @Override
    public void forEachFeedEngagement(java.util.function.Consumer<List<Object>> sink) {
        try (var rows = jdbc.sql("""
                        select e.id, m.full_name, case when e.private then 'Busy' else e.title end as title, e.kind, e.status,
                               e.starts_at, e.ends_at,
                               case when e.private then null else w.name end as ward,
                               case when e.private then null else t.name end as topic, e.private
                          from engagement e
                          join member m on m.id = e.member_id
                          left join ward w on w.id = e.ward_id
                          left join topic t on t.id = e.topic_id
                         order by e.starts_at, e.id""")
                .withFetchSize(1000)
                .query((rs, n) -> java.util.Arrays.<Object>asList(rs.getLong("id"), rs.getString("full_name"),
                        rs.getString("title"), rs.getString("kind"), rs.getString("status"),
                        rs.getObject("starts_at", java.time.OffsetDateTime.class),
                        rs.getObject("ends_at", java.time.OffsetDateTime.class), rs.getString("ward"),
                        rs.getString("topic"), rs.getBoolean("private")))
                .stream()) {
            rows.forEach(sink);
        }
    }

    /** A member's diary: {@code view} is "day", "week" (from Monday) or "list" (the next four weeks). */
    public DiaryPage memberDiary(long memberId, String view, LocalDate date, CurrentUser user) {
        if (!DiaryAccess.mayView(user, memberId) || !directory.isMember(memberId)) {
            throw new NotFoundException("Diary");
        }
        String v = "day".equals(view) || "list".equals(view) ? view : "week";
        LocalDate day = date == null ? today() : date;
        LocalDate start = "week".equals(v) ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
        int length = switch (v) {
            case "day" -> 1;
            case "list" -> AGENDA_DAYS;
            default -> 7;
        };
        List<EngagementRow> rows = rows(" where e.member_id = :member", Map.of("member", memberId), start, start.plusDays(length), user);
        List<DayColumn> days = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            LocalDate d = start.plusDays(i);
            List<EngagementRow> onDay = rows.stream().filter(r -> DiaryTimes.london(r.start()).toLocalDate().equals(d)).toList();
            if ("list".equals(v) && onDay.isEmpty()) {
                continue;
            }
            days.add(new DayColumn(d, DiaryTimes.longDay(d), d.equals(today()), onDay));
        }
        String member = directory.memberName(memberId);
        String base = "/diary/members/" + memberId + "?view=" + v + "&date=";
        String title = switch (v) {
            case "day" -> DiaryTimes.longDay(start);
            case "list" -> "Next four weeks from " + DiaryTimes.longDay(start);
            default -> "Week beginning " + DiaryTimes.longDay(start);
        };
        long clashes = rows.stream().filter(EngagementRow::clash).count();
        return new DiaryPage(memberId, member, v, start, title, days, base + start.minusDays(length), base + start.plusDays(length),
                base + today(), clashes);
    }

    /** Every active member's week side by side (members with nothing that week still get a row). */
    public OfficeWeek officeWeek(LocalDate date, CurrentUser user) {
        if (!DiaryAccess.readsAll(user)) {
            throw new NotFoundException("Diary");
        }
        LocalDate start = (date == null ? today() : date).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<EngagementRow> rows = rows("", Map.of(), start, start.plusDays(7), user);
        List<DayColumn> headings = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = start.plusDays(i);
            headings.add(new DayColumn(d, DiaryTimes.day(DiaryTimes.at(d, LocalTime.NOON)), d.equals(today()), List.of()));
        }
        // Each engagement into its member's day in one pass (rows come in time order, so each cell stays in order).
        Map<Long, List<List<EngagementRow>>> cellsByMember = new HashMap<>();
        for (EngagementRow r : rows) {
            int day = (int) ChronoUnit.DAYS.between(start, DiaryTimes.london(r.start()).toLocalDate());
            if (day >= 0 && day < 7) {
                cellsByMember.computeIfAbsent(r.memberId(), m -> emptyWeek()).get(day).add(r);
            }
        }
        List<OfficeRow> officeRows = new ArrayList<>();
        for (Option member : directory.memberOptions()) {
            long memberId = Long.parseLong(member.value());
            officeRows.add(new OfficeRow(memberId, member.label(), cellsByMember.getOrDefault(memberId, emptyWeek())));
        }
        String base = "/diary?date=";
        return new OfficeWeek(start, "Week beginning " + DiaryTimes.longDay(start), headings, officeRows,
                base + start.minusDays(7), base + start.plusDays(7), base + today());
    }

    /** How many engagements in the window lack a ready briefing, counted up to {@link #MAX_ROWS}. */
    int unbriefedCount(LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from (select 1 from engagement e " + UNBRIEFED + " limit :limit) x")
                .params(window(from, to)).param("limit", MAX_ROWS).query(Integer.class).single();
    }

    /**
     * A page of the engagements in the window that lack a ready briefing, soonest first. A confirmed one is marked as a
     * clash when it overlaps another confirmed engagement of the same member starting in the window (the rule of
     * {@link Clashes}, worked out here for the page's rows only, not for every engagement in the window).
     */
    List<EngagementRow> unbriefed(LocalDate from, LocalDate to, int offset, int limit, CurrentUser user) {
        return jdbc.sql(ROW_COLUMNS + """
                        , e.status = 'CONFIRMED' and exists (
                            select 1 from engagement o
                             where o.member_id = e.member_id and o.status = 'CONFIRMED' and o.id <> e.id
                               and o.starts_at >= :from and o.starts_at < :to
                               and o.starts_at < e.ends_at and o.ends_at > e.starts_at) as clash
                        from engagement e join member m on m.id = e.member_id
                        """ + UNBRIEFED + " order by e.starts_at, e.id limit :limit offset :offset")
                .params(window(from, to)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> row(raw(rs, n), rs.getBoolean("clash"), user)).list();
    }

    /** [from, to) as London midnights, the statements' {@code :from} and {@code :to}. */
    private static Map<String, Object> window(LocalDate from, LocalDate to) {
        return Map.of("from", DiaryService.ts(DiaryTimes.at(from, LocalTime.MIDNIGHT)),
                "to", DiaryService.ts(DiaryTimes.at(to, LocalTime.MIDNIGHT)));
    }

    private static List<List<EngagementRow>> emptyWeek() {
        List<List<EngagementRow>> week = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            week.add(new ArrayList<>());
        }
        return week;
    }

    /**
     * Engagements starting in [from, to) (London days), with clashes flagged and private engagements
     * the user may not see shown as "Busy".
     */
    List<EngagementRow> rows(String where, Map<String, Object> params, LocalDate from, LocalDate to, CurrentUser user) {
        Map<String, Object> p = new HashMap<>(params);
        p.putAll(window(from, to));
        p.put("limit", MAX_ROWS);
        String condition = (where.isEmpty() ? " where " : where + " and ") + "e.starts_at >= :from and e.starts_at < :to";
        List<Raw> raw = jdbc.sql(ROW_SELECT + condition + " order by e.starts_at, e.id limit :limit").params(p)
                .query(DiaryQueries::raw).list();
        return present(raw, user);
    }

    private record Raw(long id, long memberId, String member, String title, EngagementKind kind, Instant start,
            Instant end, String location, EngagementStatus status, boolean isPrivate) {}

    private static Raw raw(ResultSet rs, int n) throws SQLException {
        return new Raw(rs.getLong("id"), rs.getLong("member_id"), rs.getString("full_name"), rs.getString("title"),
                EngagementKind.valueOf(rs.getString("kind")), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getString("location"),
                EngagementStatus.valueOf(rs.getString("status")), rs.getBoolean("private"));
    }

    private List<EngagementRow> present(List<Raw> raw, CurrentUser user) {
        Set<Long> clashing = clashesAmong(raw);
        return raw.stream().map(r -> row(r, clashing.contains(r.id()), user)).toList();
    }

    /**
     * Clashes among the rows, also against confirmed engagements just outside the window that overlap it
     * (one that started the evening before and runs on).
     */
    private Set<Long> clashesAmong(List<Raw> raw) {
        List<Slot> slots = new ArrayList<>(raw.stream()
                .map(r -> new Slot(r.id(), r.memberId(), r.start(), r.end(), r.status() == EngagementStatus.CONFIRMED))
                .toList());
        return Clashes.find(slots);
    }

    private static EngagementRow row(Raw r, boolean clash, CurrentUser user) {
        boolean busy = r.isPrivate() && !DiaryAccess.seesPrivate(user, r.memberId());
        return new EngagementRow(r.id(), r.memberId(), r.member(), busy ? "Busy" : r.title(), busy ? "" : r.kind().label(),
                r.start(), r.end(), busy ? null : r.location(), r.status().label(), r.status().colour(),
                busy, r.isPrivate(), clash, busy ? null : "/diary/engagements/" + r.id());
    }

    /** An engagement's page; "not found" for a private one the user may not see in full. */
    public EngagementDetail detail(long id, CurrentUser user) {
        Raw r = jdbc.sql(ROW_SELECT + " where e.id = ?").param(id).query(DiaryQueries::raw).optional()
                .orElseThrow(() -> new NotFoundException("Engagement"));
        if (!DiaryAccess.mayView(user, r.memberId()) || (r.isPrivate() && !DiaryAccess.seesPrivate(user, r.memberId()))) {
            throw new NotFoundException("Engagement");
        }
        Map<String, Object> more = jdbc.sql("""
                        select e.external_attendees, e.agenda, e.ward_id, w.name as ward, e.topic_id, t.name as topic, e.version,
                            n.notes, n.decisions
                        from engagement e left join ward w on w.id = e.ward_id left join topic t on t.id = e.topic_id
                            left join meeting_note n on n.engagement_id = e.id
                        where e.id = ?""")
                .param(id).query().singleRow();
        List<Option> attendees = jdbc.sql("select u.id, u.display_name from engagement_office_attendee a join app_user u"
                        + " on u.id = a.user_id where a.engagement_id = ? order by lower(u.display_name) limit 50")
                .param(id).query((rs, n) -> Option.of(rs.getLong(1), rs.getString(2))).list();
        List<Long> personIds = jdbc.sql("select person_id from engagement_person where engagement_id = ? order by person_id limit 50")
                .param(id).query(Long.class).list();
        List<RequirementRow> requirements = jdbc.sql("select id, kind, details, arranged from engagement_requirement"
                        + " where engagement_id = ? order by id limit 50")
                .param(id).query((rs, n) -> new RequirementRow(rs.getLong(1), RequirementKind.valueOf(rs.getString(2)).label(),
                        rs.getString(3), rs.getBoolean(4)))
                .list();
        List<Raw> around = jdbc.sql(ROW_SELECT + " where e.member_id = ? and e.status = 'CONFIRMED' and e.id <> ?"
                        + " and e.starts_at < ? and e.ends_at > ? order by e.starts_at limit 20")
                .params(r.memberId(), id, DiaryService.ts(r.end()), DiaryService.ts(r.start()))
                .query(DiaryQueries::raw).list();
        List<EngagementRow> clashesWith = r.status() == EngagementStatus.CONFIRMED
                ? around.stream().map(a -> row(a, true, user)).toList() : List.of();
        Map<String, Object> invitation = jdbc.sql("select id, inviter from invitation where engagement_id = ? limit 1").param(id)
                .query().listOfRows().stream().findFirst().orElse(Map.of());
        var start = DiaryTimes.london(r.start());
        var end = DiaryTimes.london(r.end());
        return new EngagementDetail(r.id(), r.memberId(), r.member(), r.title(), r.kind().label(), r.kind().name(), r.start(),
                r.end(), start.toLocalDate(), start.toLocalTime(), end.toLocalTime(), DiaryTimes.when(r.start(), r.end()),
                r.location(), (String) more.get("external_attendees"), (String) more.get("agenda"), r.status().label(),
                r.status().name(), r.status().colour(), r.isPrivate(), (Long) more.get("ward_id"), (String) more.get("ward"),
                (Long) more.get("topic_id"), (String) more.get("topic"), attendees,
                attendees.stream().map(o -> Long.parseLong(o.value())).toList(), people.summaries(personIds), requirements,
                briefingsOf(id), clashesWith, (String) more.get("notes"), (String) more.get("decisions"), actionsOf(id),
                invitation.isEmpty() ? null : ((Number) invitation.get("id")).longValue(), (String) invitation.get("inviter"),
                ((Number) more.get("version")).longValue());
    }

    public List<BriefingRow> briefingsOf(long engagementId) {
        return jdbc.sql(BRIEFING_SELECT + " where b.engagement_id = ? order by b.position, b.due_on, b.id limit 50")
                .param(engagementId).query(this::briefingRow).list();
    }

    static final String BRIEFING_SELECT = """
            select b.id, b.kind, b.title, b.topic, coalesce(u.display_name, b.author_name) as author, b.due_on, b.status,
                b.engagement_id, e.title as engagement_title, e.starts_at, e.ends_at, m.full_name,
                (select count(*) from briefing_file f where f.briefing_id = b.id) as files
            from briefing b join member m on m.id = b.member_id left join app_user u on u.id = b.author_id
                left join engagement e on e.id = b.engagement_id
            """;

    BriefingRow briefingRow(ResultSet rs, int n) throws SQLException {
        BriefingStatus status = BriefingStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        long engagementId = rs.getLong("engagement_id");
        boolean hasEngagement = !rs.wasNull();
        return new BriefingRow(rs.getLong("id"), BriefingKind.valueOf(rs.getString("kind")).label(), rs.getString("title"),
                rs.getString("topic"), rs.getString("author"), due, status.label(), status.colour(),
                status == BriefingStatus.READY, status != BriefingStatus.READY && due.isBefore(today()),
                hasEngagement ? engagementId : null, rs.getString("engagement_title"),
                hasEngagement ? DiaryTimes.when(rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()) : null,
                rs.getString("full_name"), rs.getInt("files"));
    }

    private static final String ACTION_SELECT = """
            select a.id, a.engagement_id, e.title, a.description, u.display_name, a.due_on, a.done_at
            from diary_action a join engagement e on e.id = a.engagement_id join app_user u on u.id = a.owner_id
            """;

    List<ActionRow> actionsOf(long engagementId) {
        return jdbc.sql(ACTION_SELECT + " where a.engagement_id = ? order by a.due_on, a.id limit 100").param(engagementId)
                .query(this::actionRow).list();
    }

    /** The user's open diary actions, soonest first. */
    public List<ActionRow> openActionsOf(long userId, int limit) {
        return jdbc.sql(ACTION_SELECT + " where a.owner_id = ? and a.done_at is null order by a.due_on, a.id limit ?")
                .params(userId, Math.max(1, Math.min(limit, 100))).query(this::actionRow).list();
    }

    private ActionRow actionRow(ResultSet rs, int n) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        boolean done = rs.getTimestamp("done_at") != null;
        return new ActionRow(rs.getLong("id"), rs.getLong("engagement_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("display_name"), due, !done && due.isBefore(today()), done);
    }

    @Override
    public List<WeekEngagement> myWeek(CurrentUser user) {
        if (user.memberId() == null) {
            return List.of();
        }
        LocalDate today = today();
        List<EngagementRow> rows = rows(" where e.member_id = :member and e.status not in ('CANCELLED', 'DECLINED')",
                Map.of("member", user.memberId()), today, today.plusDays(7), user);
        Map<Long, long[]> counts = briefingCounts(rows.stream().map(EngagementRow::id).toList());
        return rows.stream().map(r -> {
            long[] c = counts.getOrDefault(r.id(), new long[] {0, 0});
            String briefing = c[0] == 0 ? "No briefings" : c[1] + " of " + c[0] + (c[0] == 1 ? " briefing ready" : " briefings ready");
            return new WeekEngagement(r.id(), r.title(), r.when(), r.location(), r.status(), r.statusColour(), briefing,
                    c[0] > 0 && c[0] == c[1], r.clash(), r.href(), "/diary/engagements/" + r.id() + "/pack");
        }).toList();
    }

    /** Per engagement: {briefings, ready briefings}. */
    Map<Long, long[]> briefingCounts(List<Long> engagementIds) {
        Map<Long, long[]> counts = new HashMap<>();
        if (engagementIds.isEmpty()) {
            return counts;
        }
        // One array parameter rather than an IN list of up to 500 values: the statement text stays the same whatever
        // the number of engagements, so it is parsed and planned once, not on every page view (9 ms at 1M cases).
        String ids = engagementIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("select engagement_id, count(*), count(*) filter (where status = 'READY') from briefing"
                        + " where engagement_id = any(cast(:ids as bigint[])) group by engagement_id")
                .param("ids", ids)
                .query(rs -> {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return counts;
    }

    @Override
    public List<DiaryAction> myActions(CurrentUser user, int limit) {
        return openActionsOf(user.id(), Math.min(limit, 50)).stream()
                .map(a -> new DiaryAction(a.id(), a.engagementId(), a.engagementTitle(), a.description(), a.dueOn(), a.overdue()))
                .toList();
    }

    /** Engagements with a person or organisation from the directory, newest first (at most 100). */
    public StakeholderHistory stakeholder(long personId, CurrentUser user) {
        var person = people.summary(personId).orElseThrow(() -> new NotFoundException("Person"));
        return new StakeholderHistory(person, withPeople(List.of(person.id()), null, null, 100, user),
                people.colleagues(person.id(), 50));
    }

    /** Engagements with any of these people, before {@code before} (all when null), newest first. */
    public List<EngagementRow> withPeople(List<Long> personIds, Instant before, Long exceptId, int limit, CurrentUser user) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<Raw> raw = jdbc.sql(ROW_SELECT + " where e.id in (select ep.engagement_id from engagement_person ep"
                        + " where ep.person_id in (:people)) and e.starts_at < :before and e.id <> :except"
                        + " order by e.starts_at desc, e.id desc limit :limit")
                .param("people", personIds)
                .param("before", DiaryService.ts(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before))
                .param("except", exceptId == null ? -1 : exceptId)
                .param("limit", Math.max(1, Math.min(limit, 100)))
                .query(DiaryQueries::raw).list();
        return raw.stream().filter(r -> DiaryAccess.mayView(user, r.memberId())).map(r -> row(r, false, user)).toList();
    }

    /** Organisations and people the office has had engagements with, most recent first. */
    public List<Option> stakeholders(int limit) {
        List<Long> ids = jdbc.sql("select ep.person_id from engagement_person ep join engagement e on e.id = ep.engagement_id"
                        + " group by ep.person_id order by max(e.starts_at) desc limit ?")
                .param(Math.max(1, Math.min(limit, 100))).query(Long.class).list();
        return people.summaries(ids).stream().map(p -> Option.of(p.id(), p.displayName())).toList();
    }

    @Override
    public List<FutureEngagement> futureEngagements(long memberId, int limit) {
        return jdbc.sql("""
                select e.id, e.title, e.starts_at, (select count(*) from briefing b where b.engagement_id = e.id)
                  from engagement e
                 where e.member_id = :member and e.starts_at >= now() and e.status not in ('CANCELLED', 'DECLINED')
                 order by e.starts_at, e.id limit :limit""")
                .param("member", memberId).param("limit", Math.min(Math.max(limit, 0), 500))
                .query((rs, n) -> new FutureEngagement(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getLong(4)))
                .list();
    }

    @Override
    @Transactional
    public int moveFutureEngagements(long fromMemberId, long toMemberId) {
        String future = """
                select id from engagement
                 where member_id = :from and starts_at >= now() and status not in ('CANCELLED', 'DECLINED')""";
        jdbc.sql("update briefing set member_id = :to, version = version + 1 where engagement_id in (" + future + ")")
                .param("from", fromMemberId).param("to", toMemberId).update();
        return jdbc.sql("update engagement set member_id = :to, version = version + 1 where id in (" + future + ")")
                .param("from", fromMemberId).param("to", toMemberId).update();
    }
}
