package org.mayorsoffice.casework.search.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.CaseVisibilityRule;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.shared.cache.ReferenceCache;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search behind the header box. Each kind is one statement: its first {@link #cap} + 1 matches
 * (the generated tsvector columns of V40, or the person indexes of V3), their count, and the page of the best of
 * them (ranked with ts_rank_cd). Everything derived from a case joins {@code casework_case} and applies
 * {@link CaseVisibilityRule}, so restricted cases, their notes and their correspondence never appear, not even in
 * a count, for users who may not see them.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    /** Rows per kind on one page. */
    public static final int PAGE_SIZE = 20;

    /**
     * The most matches of one kind that are counted and ranked. A common word matches tens of thousands of cases in a
     * large office: counting and ranking them all would take seconds, and nobody reads past the first pages. Past
     * this many the page says "more than 1,000" and ranks the first 1,000 found; filters narrow the search.
     */
    public static final int MAX_MATCHES = 1_000;

    /**
     * The most matches of one kind counted and ranked on the first page of results, where every kind shows its best
     * 20 ("more than 50"): a common word costs a twentieth of what a kind's own page ("Show more cases", up to
     * {@link #MAX_MATCHES}) does, and that first page is what nearly every search stops at. (200 until the 1,000,000-case
     * benchmark showed search taking half of PostgreSQL's time: 100 halved a common word's read; 50 took the 20 test
     * words' two full-text statements at 1,000,000 cases from 7.6 to 4.6 ms a search, once a short read in order that
     * finds too few reads further instead of falling back to the index, see {@code CommonWords.widerScan}.)
     */
    public static final int OVERVIEW_MATCHES = 50;

    /** From this many cases, common words are read in order, newest first, and the rest through the index (see {@link #search}). */
    static final int LARGE_OFFICE = 250_000;

    /**
     * Cases and correspondence read beyond the cap (a tenth of it), so that matches on restricted cases a user may
     * not see still leave it full.
     */
    static int candidateMargin(int cap) {
        return cap / 10;
    }

    /**
     * Timeline entries read when looking for cases matched by their notes (many notes can belong to one case), for
     * {@link #MAX_MATCHES}; proportionally fewer for a smaller cap.
     */
    static final int MAX_NOTE_MATCHES = 5_000;

    private static final Pattern REFERENCE = Pattern.compile("^MO-[0-9]{4}-[0-9]{5,}$");

    public enum Kind {
        CASE("Cases"), CORRESPONDENCE("Correspondence"), PERSON("People"), BRIEFING("Briefings");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What was asked: text plus optional filters (null = any). */
    public record Query(String text, Kind kind, CaseStatus status, LocalDate from, LocalDate to, Long wardId, int page) {

        public Query {
            text = text == null ? "" : text.strip();
            if (text.length() > 200) {
                text = text.substring(0, 200);
            }
            // "- - -" or "---" is one "not" to people; PostgreSQL nests each one and fails past 32 ("tsquery stack too small").
            text = text.replaceAll("-[-\\s]*-", "-");
            page = Math.max(page, 0);
        }

        boolean wants(Kind k) {
            return kind == null || kind == k;
        }

        /** Whether a status, ward or date narrows the search. */
        boolean filtered() {
            return status != null || from != null || to != null || wardId != null;
        }
    }

    /** One result; {@code titleHtml} and {@code snippetHtml} are escaped HTML with {@code <mark>} around matches. */
    public record Hit(String href, String titleHtml, String snippetHtml, String meta) {}

    /**
     * One kind's results: the page shown and how many match in all; when {@code capped}, more than {@code total} match
     * and only the first {@code total} found were ranked ({@link #cap}).
     */
    public record Group(Kind kind, List<Hit> hits, long total, int page, boolean capped) {

        public boolean hasMore() {
            return (long) (page + 1) * PAGE_SIZE < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final JdbcClient jdbc;
    private final CaseDesk cases;
    private final OrganisationApi organisation;
    private final CommonWords commonWords;
    /** Whether the office holds more than {@link #LARGE_OFFICE} cases (the planner's estimate, looked at every 10 minutes). */
    private final ReferenceCache<Boolean> largeOffice;

    SearchService(JdbcClient jdbc, CaseDesk cases, OrganisationApi organisation, CommonWords commonWords,
            @Value("${casework.search.large-office:" + LARGE_OFFICE + "}") long largeOfficeCases) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.organisation = organisation;
        this.commonWords = commonWords;
        this.largeOffice = new ReferenceCache<>(() -> jdbc.sql("select reltuples from pg_class where oid = 'casework_case'::regclass")
                .query(Double.class).optional().orElse(0.0) >= largeOfficeCases, Duration.ofMinutes(10));
    }

    /** The case a reference such as MO-2026-00042 names, whoever may see it (the case page enforces that). */
    public Optional<Long> caseByReference(String text) {
        String candidate = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return REFERENCE.matcher(candidate).matches() ? cases.idByReference(candidate) : Optional.empty();
    }

    public List<Group> search(Query query, CurrentUser user) {
        List<Group> groups = new ArrayList<>();
        if (query.text().isEmpty()) {
            return groups;
        }
        // Cases and correspondence keep one plan per statement (PostgreSQL's generic plan, made once per connection:
        // the GIN index). On a large office a common word is found sooner by reading the table in order than through a
        // bitmap of all its matches; which words are common comes from the column statistics (CommonWords), not from
        // planning each search for its words, which cost 4-5 ms of planning per statement at 1,000,000 cases. People
        // are planned for their text: their generic plan read every person, running the phone-number expressions on
        // each row, instead of the five indexes.
        boolean large = largeOffice.get();
        if (large) {
            // The index plan even before a connection has run the statement five times (PostgreSQL's custom plans).
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
        }
        List<String> words = large && !query.filtered() ? commonWords.words(query.text()) : List.of();
        if (query.wants(Kind.CASE)) {
            groups.add(cases(query, user, words));
        }
        if (query.wants(Kind.CORRESPONDENCE)) {
            groups.add(correspondence(query, user, words));
        }
        if (query.wants(Kind.PERSON)) {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            groups.add(people(query));
            jdbc.sql("set local plan_cache_mode = auto").update();
        }
        if (query.wants(Kind.BRIEFING) && seesBriefings(user)) {
            groups.add(briefings(query));
        }
        return groups;
    }

    /** Briefings are for the diary's users: cabinet support officers and the head of office. */
    public static boolean seesBriefings(CurrentUser user) {
        return user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE);
    }

    /** The kinds of result this user can get. */
    public List<Kind> kinds(CurrentUser user) {
        return java.util.Arrays.stream(Kind.values()).filter(k -> k != Kind.BRIEFING || seesBriefings(user)).toList();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Option> wardOptions() {
        return organisation.wardOptions();
    }

    private Map<String, Object> common(Query query, CurrentUser user) {
        Map<String, Object> params = textParams(query);
        params.putAll(CaseVisibilityRule.params(user));
        return params;
    }

    /** The text query, the highlighting options and the page, for the full-text kinds. */
    private static Map<String, Object> textParams(Query query) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", query.text());
        params.put("opts", Highlight.OPTIONS);
        params.put("whole", Highlight.WHOLE);
        params.put("strip", Highlight.START + Highlight.STOP);
        params.put("limit", PAGE_SIZE);
        params.put("offset", query.kind() == null ? 0 : query.page() * PAGE_SIZE);
        return params;
    }

    /** How many matches of a kind are counted and ranked: fewer on the page of every kind than on a kind's own pages. */
    static int cap(Query query) {
        return query.kind() == null ? OVERVIEW_MATCHES : MAX_MATCHES;
    }

    /**
     * The text query a candidate read matches: the index needs it as an expression of the statement's parameter; a
     * read in order ({@code scan} above 0) takes it from {@code tsq}, built once, where the expression would be
     * parsed again for every row read.
     */
    private static String match(int scan) {
        return scan > 0 ? " tsq.query " : " websearch_to_tsquery('english', :q) ";
    }

    /**
     * A read in order of a common word's rows: the newest first (backwards along the primary key), at most {@code :scan}
     * rows. The first matches found are then the most recent, which is what the page of every kind shows, and the
     * newest rows were cheaper to read than the table's first ones (EXPLAIN ANALYZE at 1,000,000 cases). Only the
     * {@code columns} the read needs are carried out of it: with {@code select *} every row read (4,000-5,000 for a
     * common word) was copied whole, a quarter of the read's time.
     */
    private static String newestFirst(String table, String columns, String alias) {
        return " (select " + columns + " from " + table + " order by id desc limit :scan) " + alias + " ";
    }

    /** What a read of cases in order needs: the text, the filters' columns and {@link CaseVisibilityRule}'s. */
    private static final String CASE_SCAN_COLUMNS =
            "id, received_on, status, ward_id, search_vector, confidentiality, member_id, allocated_to_id";

    /** What a read of correspondence in order needs: the text, the date filter's column and the item's case. */
    private static final String CORRESPONDENCE_SCAN_COLUMNS = "id, occurred_on, case_id, search_vector";

    private static int pageOf(Query query) {
        return query.kind() == null ? 0 : query.page();
    }

    private Group cases(Query query, CurrentUser user, List<String> words) {
        int cap = cap(query);
        int wanted = cap + 1 + candidateMargin(cap);
        return firstComplete(commonWords.scanRows("casework_case", words, wanted), wanted,
                (twoStep, scan) -> cases(query, user, twoStep, scan));
    }

    /**
     * What one read answered: the kind's results, or null when it could not say how many match; and how many rows
     * matched the text in it (before the confidentiality rule), which sizes a second read in order.
     */
    private record Read(Group group, long matched) {}

    /**
     * A kind's results from the first read that can say how many match: in order, newest first, when the words are
     * common ({@code scan} rows at most); when that found some but too few (the newest rows unlike the rest), a longer
     * read in order sized by what it found ({@link CommonWords#widerScan}); then the candidates read on the text alone,
     * through the index, then the read with the confidentiality rule inside it. The index read of a common word builds
     * a bitmap of every match: 50-60 ms for "noise" at 1,000,000 cases, against ~10 ms for the longest read in order.
     */
    private static Group firstComplete(int scan, int wanted, java.util.function.BiFunction<Boolean, Integer, Read> read) {
        if (scan > 0) {
            Read first = read.apply(true, scan);
            if (first.group() != null) {
                return first.group();
            }
            int wider = CommonWords.widerScan(scan, first.matched(), wanted);
            if (wider > 0) {
                Group group = read.apply(true, wider).group();
                if (group != null) {
                    return group;
                }
            }
        }
        Group group = read.apply(true, 0).group();
        return group != null ? group : read.apply(false, 0).group();
    }

    /**
     * Cases matching the text. With {@code twoStep}, the first matching cases are read as candidates whatever their
     * confidentiality and each candidate's visibility is worked out from its own row afterwards: with only the text
     * (and the filters) to match, the planner can read a large office's table in order for a common word instead of
     * building a bitmap of every match. Answers no group when too many candidates were hidden to say how many match
     * (then the caller asks again without it, the visibility rule among the conditions of the read). With {@code scan}
     * above 0, only the table's newest {@code scan} rows are read (in order): no group unless that found more than the cap.
     */
    private Read cases(Query query, CurrentUser user, boolean twoStep, int scan) {
        Map<String, Object> params = common(query, user);
        StringBuilder filters = new StringBuilder(twoStep ? "" : " and " + CaseVisibilityRule.clause("c"));
        StringBuilder noteFilters = new StringBuilder(" and " + CaseVisibilityRule.clause("c"));
        if (query.status() != null) {
            filters.append(" and c.status = :status");
            noteFilters.append(" and c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.from() != null) {
            filters.append(" and c.received_on >= :from");
            noteFilters.append(" and c.received_on >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            filters.append(" and c.received_on <= :to");
            noteFilters.append(" and c.received_on <= :to");
            params.put("to", query.to());
        }
        if (query.wardId() != null) {
            filters.append(" and c.ward_id = :ward");
            noteFilters.append(" and c.ward_id = :ward");
            params.put("ward", query.wardId());
        }
        // Matching cases: on the subject/description, or on any timeline entry; the best rank wins (timeline entries
        // weigh D = 0.1, a subject A = 1.0). Each branch stops at its cap, so a common word costs no more than a rare
        // one; when the subjects and descriptions alone fill the cap, the notes are not searched (a note-only match
        // ranks below them). One statement returns the counts and the page (a single row of counts when the page is empty).
        int cap = cap(query);
        int noteCap = MAX_NOTE_MATCHES * cap / MAX_MATCHES;
        params.put("cap", cap + 1);
        // A read in order answers only when the subjects and descriptions fill the cap: no notes then.
        params.put("noteCap", scan > 0 ? 0 : noteCap);
        params.put("scan", scan);
        long candidates = twoStep ? cap + 1 + candidateMargin(cap) : cap + 1;
        params.put("candidates", candidates);
        String visible = twoStep ? CaseVisibilityRule.clause("c") : "true";
        boolean[] incomplete = {false};
        long[] matched = {0};
        List<PageRow> rows = jdbc.sql("""
                with tsq as (select websearch_to_tsquery('english', :q) as query),
                candidates as (
                    select c.id, c.received_on, ts_rank_cd(c.search_vector, tsq.query) as rank,
                           """ + visible + """
                           as visible
                      from""" + (scan > 0 ? newestFirst("casework_case", CASE_SCAN_COLUMNS, "c") : " casework_case c ") + """
                           , tsq
                     where c.search_vector @@""" + match(scan) + filters + """
                     limit :candidates),
                direct as (select id, received_on, rank from candidates where visible limit :cap),
                notes as (
                    select e.case_id as id, c.received_on, ts_rank_cd(e.search_vector, tsq.query) as rank
                      from case_event e join casework_case c on c.id = e.case_id, tsq
                     where (select count(*) from direct) < :cap and e.search_vector @@ tsq.query """ + noteFilters + """
                     limit :noteCap),
                best as (select id, received_on, max(rank) as rank
                           from (select id, received_on, rank from direct union all select id, received_on, rank from notes) h
                          group by id, received_on),
                counts as (select (select count(*) from best) as found, (select count(*) from direct) as direct_rows,
                                  (select count(*) from notes) as note_rows, (select count(*) from candidates) as candidates)
                select counts.found, counts.direct_rows, counts.note_rows, counts.candidates, p.*
                  from counts left join lateral (
                       select best.rank, c.id, c.reference, c.subject, c.status, c.received_on, w.name as ward_name,
                              ts_headline('english', replace(replace(replace(translate(c.subject, :strip, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), tsq.query, :whole) as title,
                              case when c.search_vector @@ tsq.query and c.description is not null
                                   then ts_headline('english', replace(replace(replace(translate(c.description, :strip, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), tsq.query, :opts)
                                   when c.search_vector @@ tsq.query then null
                                   else (select ts_headline('english', replace(replace(replace(translate(e.body, :strip, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), tsq.query, :opts)
                                           from case_event e where e.case_id = c.id and e.search_vector @@ tsq.query
                                          order by ts_rank_cd(e.search_vector, tsq.query) desc, e.id desc limit 1)
                              end as snippet
                         from (select * from best order by rank desc, received_on desc, id desc limit :limit offset :offset) best
                         join casework_case c on c.id = best.id
                         cross join tsq
                         left join ward w on w.id = c.ward_id) p on true
                 order by p.rank desc, p.received_on desc, p.id desc""")
                .params(params)
                .query((rs, n) -> {
                    if (rs.getLong("direct_rows") <= cap && (scan > 0 || rs.getLong("candidates") >= candidates)) {
                        incomplete[0] = true;
                    }
                    matched[0] = rs.getLong("candidates");
                    return new PageRow(rs.getLong("found"),
                        rs.getLong("direct_rows") > cap || rs.getLong("note_rows") >= noteCap,
                        rs.getObject("id") == null ? null : new Hit("/cases/" + rs.getLong("id"),
                                Highlight.substring(rs.getString("reference"), null) + ": "
                                        + Highlight.fromHeadline(rs.getString("title")),
                                Highlight.fromHeadline(rs.getString("snippet")),
                                CaseStatus.valueOf(rs.getString("status")).label() + " · received "
                                        + rs.getDate("received_on").toLocalDate().format(SearchFormats.DATE)
                                        + (rs.getString("ward_name") == null ? "" : " · " + rs.getString("ward_name"))));
                })
                .list();
        return new Read(twoStep && incomplete[0] ? null : group(Kind.CASE, rows, query), matched[0]);
    }

    /** One row of a search statement: the kind's counts (on every row) and a hit (none when the page is empty). */
    private record PageRow(long found, boolean capped, Hit hit) {}

    private static Group group(Kind kind, List<PageRow> rows, Query query) {
        long found = rows.isEmpty() ? 0 : rows.get(0).found();
        int cap = cap(query);
        boolean capped = found > cap || (!rows.isEmpty() && rows.get(0).capped());
        List<Hit> hits = rows.stream().map(PageRow::hit).filter(java.util.Objects::nonNull).toList();
        return new Group(kind, hits, Math.min(found, cap), pageOf(query), capped);

    }

    private Group correspondence(Query query, CurrentUser user, List<String> words) {
        int cap = cap(query);
        int wanted = cap + 1 + candidateMargin(cap);
        return firstComplete(commonWords.scanRows("correspondence_item", words, wanted), wanted,
                (twoStep, scan) -> correspondence(query, user, twoStep, scan));
    }

    /**
     * Correspondence matching the text. Items on no case are for all staff (the search page is staff-only); items on a
     * case follow the case. When no case filter is set and the user sees every case that is not restricted (staff),
     * the first matching items are read as candidates without looking at their cases (a common word then needs a short
     * sequential read, not a bitmap of every match), and only restricted cases are looked up (a small partial index),
     * for each candidate. Answers no group when too many candidates were hidden to say how many match (then the caller asks
     * again with {@code twoStep} false: each item's case checked as the item is read). With {@code scan} above 0 (and
     * two steps), only the table's newest {@code scan} rows are read: no group unless that found more than the cap.
     */
    private Read correspondence(Query query, CurrentUser user, boolean twoStep, int scan) {
        Map<String, Object> params = common(query, user);
        int cap = cap(query);
        twoStep = twoStep && Boolean.TRUE.equals(params.get("v_all"));
        StringBuilder onCase = new StringBuilder(CaseVisibilityRule.clause("c"));
        StringBuilder filters = new StringBuilder();
        boolean needsCase = false;
        if (query.from() != null) {
            filters.append(" and i.occurred_on >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            filters.append(" and i.occurred_on <= :to");
            params.put("to", query.to());
        }
        if (query.wardId() != null) {
            onCase.append(" and c.ward_id = :ward");
            params.put("ward", query.wardId());
            needsCase = true;
        }
        if (query.status() != null) {
            onCase.append(" and c.status = :status");
            params.put("status", query.status().name());
            needsCase = true;
        }
        twoStep = twoStep && !needsCase;
        int scanRows = twoStep ? scan : 0;
        params.put("scan", scanRows);
        String visible;
        if (twoStep) {
            // Hidden only when the case is restricted and this user is not entitled to it.
            visible = " coalesce((select false from casework_case c where c.id = h.case_id and c.confidentiality = 'RESTRICTED'"
                    + " and (" + CaseVisibilityRule.clause("c") + ") is not true), true)";
            params.put("candidates", cap + 1 + candidateMargin(cap));
        } else {
            // The case looked up by key for each matching item as it is read (a scalar subquery, which PostgreSQL never
            // turns into a join that hashes every case first); an item on no case passes unless a case filter is set.
            filters.append(" and coalesce((select true from casework_case c where c.id = i.case_id and " + onCase + "), "
                    + (needsCase ? "false" : "i.case_id is null") + ")");
            visible = " true";
            params.put("candidates", cap + 1);
        }
        // The first cap + 1 matching items are ranked; the page shows the best of them.
        params.put("cap", cap + 1);
        long candidates = ((Number) params.get("candidates")).longValue();
        boolean[] incomplete = {false};
        long[] matched = {0};
        List<PageRow> rows = jdbc.sql("""
                with tsq as (select websearch_to_tsquery('english', :q) as query),
                candidates as (
                    select i.id, i.occurred_on, i.case_id, ts_rank_cd(i.search_vector, tsq.query) as rank
                      from""" + (scanRows > 0 ? newestFirst("correspondence_item", CORRESPONDENCE_SCAN_COLUMNS, "i") : " correspondence_item i ") + """
                     cross join tsq
                     where i.search_vector @@""" + match(scanRows) + filters + """
                     limit :candidates),
                hits as (select h.id, h.occurred_on, h.rank from candidates h where """ + visible + """
                          limit :cap),
                counts as (select count(*) as found, (select count(*) from candidates) as candidates from hits)
                select counts.found, counts.candidates, p.*
                  from counts left join lateral (
                       select hits.rank, i.id, i.direction, i.occurred_on, i.sender_name, i.sender_email, c.reference,
                              ts_headline('english', replace(replace(replace(translate(i.subject, :strip, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), tsq.query, :whole) as title,
                              ts_headline('english', replace(replace(replace(translate(coalesce(i.body, '') || ' ' || coalesce(i.sender_name, '')
                                  || ' ' || coalesce(i.sender_email, ''), :strip, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), tsq.query, :opts) as snippet
                         from (select * from hits order by rank desc, occurred_on desc, id desc limit :limit offset :offset) hits
                         join correspondence_item i on i.id = hits.id
                         cross join tsq
                         left join casework_case c on c.id = i.case_id) p on true
                 order by p.rank desc, p.occurred_on desc, p.id desc""")
                .params(params)
                .query((rs, n) -> {
                    if (rs.getLong("found") <= cap && (scanRows > 0 || rs.getLong("candidates") >= candidates)) {
                        incomplete[0] = true;
                    }
                    matched[0] = rs.getLong("candidates");
                    if (rs.getObject("id") == null) {
                        return new PageRow(rs.getLong("found"), false, null);
                    }
                    String who = rs.getString("sender_name") != null ? rs.getString("sender_name") : rs.getString("sender_email");
                    String meta = ("IN".equals(rs.getString("direction")) ? "Received " : "Sent ")
                            + rs.getDate("occurred_on").toLocalDate().format(SearchFormats.DATE)
                            + (who == null ? "" : " · " + who)
                            + (rs.getString("reference") == null ? " · not on a case" : " · " + rs.getString("reference"));
                    return new PageRow(rs.getLong("found"), false, new Hit("/correspondence/" + rs.getLong("id"),
                            Highlight.fromHeadline(rs.getString("title")), Highlight.fromHeadline(rs.getString("snippet")), meta));
                })
                .list();
        return new Read(twoStep && incomplete[0] ? null : group(Kind.CORRESPONDENCE, rows, query), matched[0]);
    }

    private Group people(Query query) {
        String text = query.text();
        String lower = text.toLowerCase(Locale.ROOT);
        String digits = text.replaceAll("[^0-9]", "");
        String postcode = text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Map<String, Object> params = new HashMap<>();
        params.put("name", "%" + likeEscape(lower) + "%");
        params.put("prefix", likeEscape(lower) + "%");
        params.put("postcode", likeEscape(postcode) + "%");
        params.put("digits", digits.length() >= 5 ? digits : "-");
        params.put("limit", PAGE_SIZE);
        params.put("offset", query.kind() == null ? 0 : query.page() * PAGE_SIZE);
        String ward = "";
        if (query.wardId() != null) {
            ward = " and p.ward_id = :ward";
            params.put("ward", query.wardId());
        }
        String where = " " + """
                 where p.merged_into_id is null and (
                       lower(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '') || ' '
                             || coalesce(p.organisation_name, '')) like :name
                    or lower(p.email) like :prefix
                    or p.postcode like :postcode
                    or regexp_replace(p.phone, '[^0-9]', '', 'g') = :digits
                    or regexp_replace(p.mobile, '[^0-9]', '', 'g') = :digits)""" + ward;
        params.put("cap", cap(query) + 1);
        // The first cap + 1 people found are the candidates; exact surname, postcode or email matches first. A common
        // surname ("Begum": one resident in forty) has more exact matches than the cap: then the candidates are those
        // people in name order, read from the name index (person_sort_idx), and the bitmap of every partial match
        // (the trigram index, ~10,000 people at 1,000,000 cases: 7 ms) is never built.
        List<PageRow> rows = jdbc.sql("""
                with surname as (select p.id, true as exact,
                                        lower(coalesce(p.last_name, p.organisation_name)) as sort_last,
                                        lower(coalesce(p.first_name, '')) as sort_first
                                   from person p
                                  where p.merged_into_id is null and lower(coalesce(p.last_name, p.organisation_name)) = :exact"""
                + ward + """
                                  order by lower(coalesce(p.last_name, p.organisation_name)), lower(coalesce(p.first_name, '')), p.id
                                  limit :cap),
                hits as (select * from surname where (select count(*) from surname) >= :cap
                         union all
                         (select p.id,
                                 -- "is true": a person with no postcode or email is not exact (null would sort first).
                                 (lower(coalesce(p.last_name, p.organisation_name)) = :exact
                                  or p.postcode = :exactPostcode or lower(p.email) = :exact) is true as exact,
                                 lower(coalesce(p.last_name, p.organisation_name)) as sort_last,
                                 lower(coalesce(p.first_name, '')) as sort_first
                            from person p """ + where + """
                             and (select count(*) from surname) < :cap
                           limit :cap)),
                counts as (select count(*) as found from hits)
                select counts.found, x.*
                  from counts left join lateral (
                       select p.id, p.kind, p.email, p.postcode,
                              trim(concat_ws(' ', p.title, p.first_name, p.last_name,
                                  case when p.last_name is not null and p.organisation_name is not null
                                       then '(' || p.organisation_name || ')' else p.organisation_name end)) as display_name,
                              w.name as ward_name, hits.exact, hits.sort_last, hits.sort_first
                         from (select * from hits order by exact desc, sort_last, sort_first, id
                                limit :limit offset :offset) hits
                         join person p on p.id = hits.id
                         left join ward w on w.id = p.ward_id) x on true
                 order by x.exact desc, x.sort_last, x.sort_first, x.id""")
                .params(params).param("exact", lower).param("exactPostcode", postcode)
                .query((rs, n) -> {
                    if (rs.getObject("id") == null) {
                        return new PageRow(rs.getLong("found"), false, null);
                    }
                    String postcodeValue = rs.getString("postcode");
                    String email = rs.getString("email");
                    String snippet = String.join(" · ", java.util.stream.Stream.of(
                                    email == null ? null : Highlight.substring(email, text),
                                    postcodeValue == null ? null : Highlight.substring(postcodeValue, text),
                                    rs.getString("ward_name") == null ? null : Highlight.substring(rs.getString("ward_name"), null))
                            .filter(java.util.Objects::nonNull).toList());
                    return new PageRow(rs.getLong("found"), false, new Hit("/people/" + rs.getLong("id"),
                            Highlight.substring(rs.getString("display_name"), text),
                            snippet, rs.getString("kind").charAt(0) + rs.getString("kind").substring(1).toLowerCase(Locale.ROOT)
                                    .replace('_', ' ')));
                })
                .list();
        return group(Kind.PERSON, rows, query);
    }

    /** Diary briefings: title (weight A), topic (B) and text (C), V45's search_vector; the date range is the due date. */
    private Group briefings(Query query) {
        Map<String, Object> params = textParams(query);
        StringBuilder filters = new StringBuilder();
        if (query.from() != null) {
            filters.append(" and b.due_on >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            filters.append(" and b.due_on <= :to");
            params.put("to", query.to());
        }
        if (query.wardId() != null) {
            filters.append(" and e.ward_id = :ward");
            params.put("ward", query.wardId());
        }
        params.put("cap", cap(query) + 1);
        List<PageRow> rows = jdbc.sql("""
                with tsq as (select websearch_to_tsquery('english', :q) as query),
                hits as (
                    select b.id, b.due_on, ts_rank_cd(b.search_vector, tsq.query) as rank
                      from briefing b cross join tsq
                      join engagement e on e.id = b.engagement_id
                     where b.search_vector @@ tsq.query """ + filters + """
                     limit :cap),
                counts as (select count(*) as found from hits)
                select counts.found, x.*
                  from counts left join lateral (
                       select hits.rank, b.id, b.due_on, b.status, e.title as engagement, m.full_name as member,
                              ts_headline('english', replace(replace(replace(translate(b.title, :strip, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), tsq.query, :whole) as title,
                              ts_headline('english', replace(replace(replace(translate(coalesce(b.topic, '') || ' ' || coalesce(b.content, ''),
                                  :strip, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), tsq.query, :opts) as snippet
                         from (select * from hits order by rank desc, due_on desc, id desc limit :limit offset :offset) hits
                         join briefing b on b.id = hits.id
                         cross join tsq
                         join engagement e on e.id = b.engagement_id
                         join member m on m.id = b.member_id) x on true
                 order by x.rank desc, x.due_on desc, x.id desc""")
                .params(params)
                .query((rs, n) -> new PageRow(rs.getLong("found"), false, rs.getObject("id") == null ? null
                        : new Hit("/briefings/" + rs.getLong("id"), Highlight.fromHeadline(rs.getString("title")),
                                Highlight.fromHeadline(rs.getString("snippet")),
                                "For " + rs.getString("engagement") + " (" + rs.getString("member") + ") · due "
                                        + rs.getDate("due_on").toLocalDate().format(SearchFormats.DATE) + " · "
                                        + rs.getString("status").charAt(0) + rs.getString("status").substring(1).toLowerCase(Locale.ROOT))))
                .list();
        return group(Kind.BRIEFING, rows, query);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
