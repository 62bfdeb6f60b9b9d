package org.mayorsoffice.casework.reports.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.CaseVisibilityRule;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.calendar.WorkingDays;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every figure on the reports dashboards, each as one bounded, grouped query over the cases the user may see
 * ({@link CaseVisibilityRule}) narrowed by the {@link ReportFilters}; the breakdown and the response times as two,
 * one over the cases closed before the day began (kept, {@link KeptCounts}) and one over the others, added up.
 * Working-day arithmetic is done in Java on grouped dates with the {@link WorkingDayCalendar}. See docs/reports.md
 * for what each figure means.
 */
@Service
@Transactional(readOnly = true)
public class ReportQueries {

    /** The tables, in page order; their keys are the export URL names. */
    public static final List<String> TABLES = List.of("summary", "open-by-age", "on-time", "intake", "breakdown",
            "enquiries", "approvals", "caseworkers");

    /** A breakdown's dimension: its heading, the case column it groups by, the table and column that name each value. */
    record Dimension(String heading, String column, String table, String name) {}

    static final Map<String, Dimension> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("ward", new Dimension("Ward", "ward_id", "ward", "name"));
        DIMENSIONS.put("portfolio", new Dimension("Portfolio", "portfolio_id", "portfolio", "name"));
        DIMENSIONS.put("topic", new Dimension("Topic", "topic_id", "topic", "name"));
        DIMENSIONS.put("case-type", new Dimension("Case type", "case_type_id", "case_type", "name"));
        DIMENSIONS.put("member", new Dimension("Member", "member_id", "member", "full_name"));
    }

    /** The moment a case was first responded to: first moved to "Response sent", or closed, whichever came first. */
    static final String RESPONDED_AT = """
            least(c.closed_at, (select min(e.occurred_at) from case_event e where e.case_id = c.id and e.kind = 'STATUS'
                                  and e.body like '% to Response sent%'))""";

    private static final int MAX_GROUPS = 50_000;

    /**
     * The cases whose counts are kept ({@link KeptCounts}): closed before {@code :cutoff}, the start of the day (in
     * London) that it was an hour ago. The hour's margin: a case closed just before midnight in a transaction that
     * commits just after would otherwise be missed by both parts.
     */
    static final String CLOSED_BEFORE = " c.closed_at < :cutoff ";

    /** Every other case: open, or closed since {@code :cutoff}. */
    static final String NOT_CLOSED_BEFORE = " (c.closed_at is null or c.closed_at >= :cutoff) ";

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    private final ReportCache cache;
    private final KeptCounts kept;
    private final TransactionTemplate background;

    ReportQueries(JdbcClient jdbc, WorkingDayCalendar calendar, Clock clock, PlatformTransactionManager transactions,
            @org.springframework.beans.factory.annotation.Value("${casework.reports.cache-seconds:60}") int cacheSeconds) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
        this.cache = new ReportCache(java.time.Duration.ofSeconds(Math.max(0, cacheSeconds)), clock);
        this.kept = new KeptCounts(cacheSeconds > 0);
        this.background = new TransactionTemplate(transactions);
        this.background.setReadOnly(true);
    }

    /** The filter conditions on {@code casework_case c} and their parameters. */
    record Where(String sql, Map<String, Object> params) {}

    static Where where(CurrentUser user, ReportFilters f) {
        Map<String, Object> params = new HashMap<>(CaseVisibilityRule.params(user));
        // Whoever sees every case (the head of office) needs no condition: the enquiries and approvals tables then do
        // not read the cases at all (PostgreSQL drops a left join nothing uses; at 1,000,000 cases the enquiries table
        // read the whole case table, 1.4 s, on every recount).
        StringBuilder sql = new StringBuilder(seesEveryCase(params) ? "true" : CaseVisibilityRule.clause("c"));
        if (f.getFrom() != null) {
            sql.append(" and c.received_on >= :f_from");
            params.put("f_from", f.getFrom());
        }
        if (f.getTo() != null) {
            sql.append(" and c.received_on <= :f_to");
            params.put("f_to", f.getTo());
        }
        if (f.getWardId() != null) {
            sql.append(" and c.ward_id = :f_ward");
            params.put("f_ward", f.getWardId());
        }
        if (f.getPortfolioId() != null) {
            sql.append(" and c.portfolio_id = :f_portfolio");
            params.put("f_portfolio", f.getPortfolioId());
        }
        if (f.getMemberId() != null) {
            sql.append(" and c.member_id = :f_member");
            params.put("f_member", f.getMemberId());
        }
        if (f.getCaseTypeId() != null) {
            sql.append(" and c.case_type_id = :f_type");
            params.put("f_type", f.getCaseTypeId());
        }
        // Padded with spaces: text blocks concatenated around it lose their leading and trailing blanks.
        return new Where(" " + sql + " ", params);
    }

    /** Whether {@link CaseVisibilityRule} lets these users see every case, restricted ones included. */
    private static boolean seesEveryCase(Map<String, Object> visibility) {
        return Boolean.TRUE.equals(visibility.get("v_all")) && Boolean.TRUE.equals(visibility.get("v_head"));
    }

    /** Where the kept counts end ({@link #CLOSED_BEFORE}), and what they are kept under: see {@link KeptCounts}. */
    record Before(java.time.OffsetDateTime cutoff, Supplier<Object> stamp) {}

    private Before closedBefore(LocalDate today, WorkingDays days) {
        ZoneId london = ZoneId.of("Europe/London");
        java.time.OffsetDateTime cutoff = java.time.ZonedDateTime.now(clock.withZone(london)).minusHours(1).toLocalDate()
                .atStartOfDay(london).toOffsetDateTime();
        return new Before(cutoff, () -> List.of(
                jdbc.sql("select changes from closed_case_changes").query(Long.class).single(), cutoff, today, days));
    }

    /** What a query on these conditions depends on: their SQL and the parameters it uses. */
    static String keyOf(Where where) {
        Map<String, Object> used = new TreeMap<>();
        where.params().forEach((name, value) -> {
            if (where.sql().contains(":" + name)) {
                used.put(name, value);
            }
        });
        return where.sql() + used;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }

    /** Every table, in page order. */
    public List<ReportTable> dashboard(CurrentUser user, ReportFilters filters) {
        return TABLES.stream().map(key -> table(user, filters, key)).toList();
    }

    /**
     * One table by its key; an unknown key is a 404. Figures are kept for up to {@code casework.reports.cache-seconds}
     * (default 60) per visibility and filters and recounted in the background ({@link #refreshCachedFigures()}), so
     * they are at most a minute old and a busy dashboard does not recount a million cases on every view. Everyone who
     * sees every case (the head of office) shares one set of figures; anyone else has their own, because the
     * restricted cases they may see are their own.
     */
    public ReportTable table(CurrentUser user, ReportFilters filters, String key) {
        if (!TABLES.contains(key)) {
            throw new NotFoundException("report table");
        }
        Map<String, Object> visibility = CaseVisibilityRule.params(user);
        String who = seesEveryCase(visibility) ? "every case" : "user " + user.id() + "|" + visibility;
        ReportFilters copy = filters.copy();
        String cacheKey = who + "|" + copy.queryString() + "|" + copy.getMemberId() + "|" + key;
        return cache.get(cacheKey, () -> compute(user, copy, key));
    }

    /** Recounts the dashboard tables people are looking at before their figures are a minute old. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${casework.reports.refresh-ms:10000}",
            initialDelayString = "${casework.reports.refresh-ms:10000}")
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public void refreshCachedFigures() {
        cache.refresh(this::onOneCore);
    }

    /**
     * Runs {@code work} (a background recount) in a transaction without PostgreSQL's parallel workers. With them, the
     * breakdown's scan of every case at 1,000,000 cases took both cores of our machine for most of a second each
     * minute, and every page view waited behind it; on one core the recount takes longer, but nobody is waiting for
     * it. A recount for someone's first view keeps the workers (they are waiting).
     */
    <T> T onOneCore(Supplier<T> work) {
        return background.execute(status -> {
            jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
            return work.get();
        });
    }

    /**
     * One table counted now, not taken from the minute's cache (what was counted of the cases closed before the day
     * began is still taken from {@link KeptCounts}).
     */
    ReportTable compute(CurrentUser user, ReportFilters filters, String key) {
        Where where = where(user, filters);
        LocalDate today = today();
        return switch (key) {
            case "summary" -> summary(where, today);
            case "open-by-age" -> openByAge(where, today);
            case "on-time" -> onTime(where, today);
            case "intake" -> intake(where, today);
            case "breakdown" -> breakdown(where, today, filters.getBy());
            case "enquiries" -> enquiries(where, today);
            case "approvals" -> approvals(where, today, filters);
            case "caseworkers" -> caseworkers(where, today);
            default -> throw new NotFoundException("report table");
        };
    }

    /** Working days a case has been open: from received to today, or to the day its clock was paused. */
    public static int ageInWorkingDays(WorkingDays days, LocalDate received, LocalDate pausedSince, LocalDate today) {
        LocalDate until = pausedSince != null && pausedSince.isBefore(today) ? pausedSince : today;
        return Math.max(0, days.workingDaysBetween(received, until));
    }

    /** 0: 0–5, 1: 6–10, 2: 11–20, 3: over 20 working days. */
    public static int ageBand(int age) {
        return age <= 5 ? 0 : age <= 10 ? 1 : age <= 20 ? 2 : 3;
    }

    private ReportTable summary(Where where, LocalDate today) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("today", today);
        Map<String, Object> counts = jdbc.sql("""
                        select count(*) as open_count,
                               count(*) filter (where c.status <> 'RESPONSE_SENT' and c.paused_since is null
                                                  and c.external_due_on < :today) as overdue
                          from casework_case c where c.status <> 'CLOSED' and """ + where.sql())
                .params(params).query().singleRow();
        Double median = responseTimes(where, today).median();
        List<List<Object>> rows = List.of(
                row("Open cases", counts.get("open_count")),
                row("Overdue now", counts.get("overdue")),
                row("Median working days to respond (last 12 months)", median));
        return new ReportTable("summary", "Summary", List.of("Measure", "Value"), List.of(1), rows, -1);
    }

    private ReportTable openByAge(Where where, LocalDate today) {
        WorkingDays days = calendar.workingDays();
        Map<CaseStatus, long[]> byStatus = new LinkedHashMap<>();
        for (CaseStatus status : CaseStatus.values()) {
            if (status != CaseStatus.CLOSED) {
                byStatus.put(status, new long[4]);
            }
        }
        jdbc.sql("select c.status, c.received_on, c.paused_since, count(*) as n from casework_case c"
                        + " where c.status <> 'CLOSED' and " + where.sql()
                        + " group by c.status, c.received_on, c.paused_since limit " + MAX_GROUPS)
                .params(where.params())
                .query(rs -> {
                    int age = ageInWorkingDays(days, rs.getObject("received_on", LocalDate.class),
                            rs.getObject("paused_since", LocalDate.class), today);
                    byStatus.get(CaseStatus.valueOf(rs.getString("status")))[ageBand(age)] += rs.getLong("n");
                });
        List<List<Object>> rows = new ArrayList<>();
        byStatus.forEach((status, bands) -> {
            long total = Arrays.stream(bands).sum();
            rows.add(row(status.label(), bands[0], bands[1], bands[2], bands[3], total));
        });
        return new ReportTable("open-by-age", "Open cases by status and age (working days since received)",
                List.of("Status", "0 to 5 days", "6 to 10 days", "11 to 20 days", "Over 20 days", "Total"),
                List.of(1, 2, 3, 4, 5), rows, 5);
    }

    /**
     * Of the cases first responded to in the last 12 months: how many each month and how many of those within target
     * (index 0 is the month 11 months ago), and how many took each number of working days.
     */
    private record ResponseTimes(long[][] months, TreeMap<Integer, Long> durations) {

        ResponseTimes() {
            this(new long[12][2], new TreeMap<>());
        }

        ResponseTimes plus(ResponseTimes other) {
            ResponseTimes sum = new ResponseTimes();
            for (ResponseTimes part : List.of(this, other)) {
                for (int i = 0; i < 12; i++) {
                    sum.months[i][0] += part.months[i][0];
                    sum.months[i][1] += part.months[i][1];
                }
                part.durations.forEach((took, n) -> sum.durations.merge(took, n, Long::sum));
            }
            return sum;
        }

        Double median() {
            return ReportQueries.median(durations);
        }
    }

    private ResponseTimes responseTimes(Where where, LocalDate today) {
        WorkingDays days = calendar.workingDays();
        LocalDate since = today.withDayOfMonth(1).minusMonths(11);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("since", since);
        // A case closed before the window cannot have been first responded to inside it: leaving those out before the
        // per-case "responded" subquery keeps the cost to open and recently closed cases (a day's margin for time zones).
        params.put("closed_since", since.minusDays(1));
        Before before = closedBefore(today, days);
        params.put("cutoff", before.cutoff());
        ResponseTimes earlier = kept.get("response-times|" + keyOf(where), before.stamp(),
                () -> responseTimes(where, CLOSED_BEFORE, params, since, days));
        return earlier.plus(responseTimes(where, NOT_CLOSED_BEFORE, params, since, days));
    }

    /** {@link #responseTimes(Where, LocalDate)} over the cases matching {@code part} as well. */
    private ResponseTimes responseTimes(Where where, String part, Map<String, Object> params, LocalDate since,
            WorkingDays days) {
        ResponseTimes times = new ResponseTimes();
        // "offset 0" keeps the "responded" subquery's answer a column, worked out once per case (not again for the
        // condition).
        jdbc.sql("""
                        select r.received_on, r.responded_on, r.external_due_on, count(*) as n from (
                            select c.received_on, c.external_due_on,
                                   (""" + RESPONDED_AT + """
                                    at time zone 'Europe/London')::date as responded_on
                              from casework_case c where """ + where.sql() + """
                               and (c.closed_at is null or c.closed_at >= :closed_since) and """ + part + """
                            offset 0) r
                         where r.responded_on >= :since
                         group by r.received_on, r.responded_on, r.external_due_on
                         limit 50000""")
                .params(params)
                .query(rs -> {
                    LocalDate responded = rs.getObject("responded_on", LocalDate.class);
                    long n = rs.getLong("n");
                    int month = (responded.getYear() - since.getYear()) * 12 + responded.getMonthValue() - since.getMonthValue();
                    if (month >= 0 && month < 12) {
                        times.months()[month][0] += n;
                        if (!responded.isAfter(rs.getObject("external_due_on", LocalDate.class))) {
                            times.months()[month][1] += n;
                        }
                    }
                    int took = Math.max(0, days.workingDaysBetween(rs.getObject("received_on", LocalDate.class), responded));
                    times.durations().merge(took, n, Long::sum);
                });
        return times;
    }

    /** The median of a histogram (value -> count); the mean of the two middle values for an even count. */
    static Double median(TreeMap<Integer, Long> histogram) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long lowIndex = (total - 1) / 2;
        long highIndex = total / 2;
        Integer low = null;
        Integer high = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            long next = seen + e.getValue();
            if (low == null && lowIndex < next) {
                low = e.getKey();
            }
            if (highIndex < next) {
                high = e.getKey();
                break;
            }
            seen = next;
        }
        return (low + high) / 2.0;
    }

    private ReportTable onTime(Where where, LocalDate today) {
        LocalDate since = today.withDayOfMonth(1).minusMonths(11);
        ResponseTimes times = responseTimes(where, today);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long[] m = times.months()[i];
            rows.add(row(since.plusMonths(i), m[0], m[1], m[0] == 0 ? null : 100.0 * m[1] / m[0]));
        }
        return new ReportTable("on-time", "Cases responded to within target, by month of response",
                List.of("Month starting", "Responded", "Within target", "% within target"), List.of(1, 2, 3), rows, 3);
    }

    private ReportTable intake(Where where, LocalDate today) {
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("since", firstWeek);
        Channel[] channels = Channel.values();
        long[][] counts = new long[12][channels.length];
        jdbc.sql("select date_trunc('week', c.received_on)::date as week, c.channel, count(*) as n from casework_case c"
                        + " where c.received_on >= :since and " + where.sql() + " group by 1, 2 limit 1000")
                .params(params)
                .query(rs -> {
                    int week = (int) java.time.temporal.ChronoUnit.WEEKS.between(firstWeek, rs.getObject("week", LocalDate.class));
                    if (week >= 0 && week < 12) {
                        counts[week][Channel.valueOf(rs.getString("channel")).ordinal()] += rs.getLong("n");
                    }
                });
        List<String> headers = new ArrayList<>(List.of("Week starting"));
        List<Integer> numeric = new ArrayList<>();
        for (Channel channel : channels) {
            headers.add(channel.label());
            numeric.add(headers.size() - 1);
        }
        headers.add("Total");
        numeric.add(headers.size() - 1);
        List<List<Object>> rows = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            List<Object> row = new ArrayList<>();
            row.add(firstWeek.plusWeeks(w));
            long total = 0;
            for (long n : counts[w]) {
                row.add(n);
                total += n;
            }
            row.add(total);
            rows.add(row);
        }
        return new ReportTable("intake", "New cases per week by channel (last 12 weeks)", headers, numeric, rows,
                headers.size() - 1);
    }

    /**
     * Cases by ward, portfolio, topic, case type or member: all matching cases, open, overdue now, and of the cases
     * first responded to in the last 12 months how many within target. Cases without a value are "Not recorded".
     */
    private ReportTable breakdown(Where where, LocalDate today, String by) {
        Dimension dim = DIMENSIONS.getOrDefault(by, DIMENSIONS.get("ward"));
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("today", today);
        params.put("since", today.withDayOfMonth(1).minusMonths(11));
        params.put("closed_since", today.withDayOfMonth(1).minusMonths(11).minusDays(1));
        Before before = closedBefore(today, calendar.workingDays());
        params.put("cutoff", before.cutoff());
        // All but the last day's closed cases are counted once and kept (at 1,000,000 cases, counting them all took
        // PostgreSQL 0.5 s on every recount); only the open cases and those closed since are counted each time.
        Map<Long, long[]> earlier = kept.get("breakdown|" + dim.column() + "|" + keyOf(where), before.stamp(),
                () -> breakdownCounts(where, dim, CLOSED_BEFORE, params));
        Map<Long, long[]> counts = new HashMap<>();
        earlier.forEach((key, n) -> counts.put(key, n.clone()));
        breakdownCounts(where, dim, NOT_CLOSED_BEFORE, params).forEach((key, n) -> counts.merge(key, n, (sum, more) -> {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += more[i];
            }
            return sum;
        }));
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = counts.keySet().stream().filter(java.util.Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, " + dim.name() + " as name from " + dim.table() + " where id in (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getLong("id"), rs.getString("name"));
                    });
        }
        List<List<Object>> rows = counts.entrySet().stream()
                .map(e -> {
                    long[] n = e.getValue();
                    String name = names.get(e.getKey());
                    return row(name == null ? "Not recorded" : name, n[0], n[1], n[2], n[3], n[4],
                            n[3] == 0 ? null : 100.0 * n[4] / n[3]);
                })
                .sorted(java.util.Comparator.comparingLong((List<Object> r) -> -(Long) r.get(1))
                        .thenComparing(r -> (String) r.get(0)))
                .limit(500)
                .toList();
        return new ReportTable("breakdown", "Cases by " + dim.heading().toLowerCase(java.util.Locale.UK),
                List.of(dim.heading(), "Cases", "Open", "Overdue now", "Responded (last 12 months)", "Within target",
                        "% within target"),
                List.of(1, 2, 3, 4, 5, 6), rows, 1);
    }

    /**
     * Per value of the dimension's column (null: none), of the matching cases that also match {@code part}: cases, open,
     * overdue now, responded in the last 12 months, of those within target.
     */
    private Map<Long, long[]> breakdownCounts(Where where, Dimension dim, String part, Map<String, Object> params) {
        // "offset 0" keeps the first-response time a column worked out once per case: written into each count instead,
        // its look-up ran once per count that reads it.
        String sql = "select c.key, count(*) as cases,"
                + "   count(*) filter (where c.status <> 'CLOSED') as open_count,"
                + "   count(*) filter (where c.status not in ('CLOSED', 'RESPONSE_SENT') and c.paused_since is null"
                + "     and c.external_due_on < :today) as overdue,"
                + "   count(*) filter (where c.responded_on >= :since) as responded,"
                + "   count(*) filter (where c.responded_on >= :since and c.responded_on <= c.external_due_on) as on_time"
                // A case closed before the window cannot have been first responded to inside it (see responseTimes).
                + " from (select c." + dim.column() + " as key, c.status, c.paused_since, c.external_due_on,"
                + "         (case when c.closed_at is null or c.closed_at >= :closed_since then " + RESPONDED_AT
                + "          end at time zone 'Europe/London')::date as responded_on"
                + "       from casework_case c where " + where.sql() + " and " + part + " offset 0) c"
                + " group by c.key limit " + MAX_GROUPS;
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            counts.put(rs.getObject("key", Long.class), new long[] {rs.getLong("cases"), rs.getLong("open_count"),
                    rs.getLong("overdue"), rs.getLong("responded"), rs.getLong("on_time")});
        });
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** Choices for the breakdown's dimension. */
    public List<Option> breakdownOptions() {
        return DIMENSIONS.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue().heading())).toList();
    }

    private ReportTable enquiries(Where where, LocalDate today) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("today", today);
        // Every enquiry has a case; joined on the left so that PostgreSQL drops the join when the conditions do not
        // need the case (see where()).
        List<List<Object>> rows = jdbc.sql("""
                        select d.name,
                               count(*) filter (where q.status = 'OPEN') as open_count,
                               count(*) filter (where q.status = 'OPEN' and q.due_on < :today) as overdue,
                               count(*) filter (where q.status = 'ANSWERED') as answered,
                               count(*) filter (where q.status = 'ANSWERED' and not q.answered_late) as on_time
                          from members_enquiry q
                          left join casework_case c on c.id = q.case_id
                          join directorate d on d.id = q.directorate_id
                         where """ + where.sql() + """
                         group by d.id, d.name
                         order by lower(d.name), d.id
                         limit 500""")
                .params(params)
                .query((rs, n) -> {
                    long answered = rs.getLong("answered");
                    long onTime = rs.getLong("on_time");
                    return row(rs.getString("name"), rs.getLong("open_count"), rs.getLong("overdue"), answered, onTime,
                            answered == 0 ? null : 100.0 * onTime / answered);
                })
                .list();
        return new ReportTable("enquiries", "Members' enquiries by directorate",
                List.of("Directorate", "Open", "Overdue", "Answered", "Answered on time", "% answered on time"),
                List.of(1, 2, 3, 4, 5), rows, 1);
    }

    /**
     * Drafts awaiting approval by approver: replies on the cases matching the filters, plus (when no case filter is
     * set) press releases, media statements and council answers, which belong to no case.
     */
    private ReportTable approvals(Where where, LocalDate today, ReportFilters filters) {
        WorkingDays days = calendar.workingDays();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("others", filters.getFrom() == null && filters.getTo() == null && filters.getWardId() == null
                && filters.getPortfolioId() == null && filters.getCaseTypeId() == null);
        params.put("memberFilter", filters.getMemberId());
        List<List<Object>> rows = jdbc.sql("""
                        select coalesce(m.full_name, 'Head of office (office-level cases)') as approver, count(*) as waiting,
                               (min(r.submitted_at) at time zone 'Europe/London')::date as oldest
                          from draft_response r
                          left join casework_case c on c.id = r.case_id
                          left join member m on m.id = r.member_id
                         where r.status = 'AWAITING_APPROVAL'
                           and ((r.case_id is null and :others and (cast(:memberFilter as bigint) is null or r.member_id = :memberFilter))
                                or (r.case_id is not null and """ + where.sql() + """
                               ))
                         group by m.id, m.full_name
                         order by approver
                         limit 500""")
                .params(params)
                .query((rs, n) -> {
                    LocalDate oldest = rs.getObject("oldest", LocalDate.class);
                    return row(rs.getString("approver"), rs.getLong("waiting"), oldest,
                            oldest == null ? null : (long) Math.max(0, days.workingDaysBetween(oldest, today)));
                })
                .list();
        return new ReportTable("approvals", "Drafts waiting for approval (replies, statements and answers)",
                List.of("Approver", "Waiting", "Oldest submitted", "Oldest wait (working days)"), List.of(1, 3), rows, 1);
    }

    private ReportTable caseworkers(Where where, LocalDate today) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("today", today);
        params.put("since", java.time.OffsetDateTime.now(clock).minusWeeks(12));
        List<List<Object>> rows = jdbc.sql("""
                        select u.display_name,
                               count(c.id) filter (where c.status <> 'CLOSED') as open_count,
                               count(c.id) filter (where c.status not in ('CLOSED', 'RESPONSE_SENT') and c.paused_since is null
                                                     and c.external_due_on < :today) as overdue,
                               count(c.id) filter (where c.status = 'CLOSED' and c.closed_at >= :since) as closed
                          from app_user u
                          join user_role ur on ur.user_id = u.id and ur.role = 'CASEWORKER'
                          left join casework_case c on c.allocated_to_id = u.id
                                and (c.status <> 'CLOSED' or c.closed_at >= :since) and """ + where.sql() + """
                         where u.enabled
                         group by u.id, u.display_name
                         order by lower(u.display_name), u.id
                         limit 500""")
                .params(params)
                .query((rs, n) -> row(rs.getString("display_name"), rs.getLong("open_count"), rs.getLong("overdue"),
                        rs.getLong("closed"), rs.getLong("closed") / 12.0))
                .list();
        return new ReportTable("caseworkers", "Caseworkers: open caseload and cases closed",
                List.of("Caseworker", "Open", "Overdue", "Closed (last 12 weeks)", "Closed per week"),
                List.of(1, 2, 3, 4), rows, 1);
    }

    /** Choices for the filter form. */
    public Map<String, List<Option>> filterOptions() {
        Map<String, List<Option>> options = new LinkedHashMap<>();
        options.put("wards", options("select id, name from ward where active order by lower(name) limit 500"));
        options.put("portfolios", options("select id, name from portfolio where active order by lower(name) limit 500"));
        options.put("members", options("select id, full_name as name from member where active order by lower(full_name) limit 500"));
        options.put("caseTypes", options("select id, name from case_type order by lower(name) limit 500"));
        options.put("breakdowns", breakdownOptions());
        return options;
    }

    private List<Option> options(String sql) {
        return jdbc.sql(sql).query((rs, n) -> Option.of(rs.getLong("id"), rs.getString("name"))).list();
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
