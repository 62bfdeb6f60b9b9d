package org.mayorsoffice.casework.reports.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.mayorsoffice.casework.diary.DiaryApi;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list export: every case the user may see that matches the filters, streamed from one cursor
 * (fetch size inside a read-only transaction, so PostgreSQL sends rows in batches) straight to the writer.
 */
@Service
public class CaseExport {

    public static final List<String> HEADERS = List.of("Reference", "Received", "Case type", "Channel", "Subject",
            "Status", "Priority", "Ward", "Portfolio", "Member", "Allocated to", "Internal due", "Response due",
            "Responded", "Closed", "Outcome");

    static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final DiaryApi diary;

    CaseExport(JdbcClient jdbc, DiaryApi diary) {
        this.jdbc = jdbc;
        this.diary = diary;
    }

    /** The reporting feed's case columns: stable names, no subject or other free text. */
    public static final List<String> FEED_CASE_COLUMNS = List.of("reference", "received_on", "case_type", "channel",
            "status", "priority", "ward", "portfolio", "member", "allocated_to", "internal_due_on", "response_due_on",
            "responded_on", "closed_on", "outcome");

    public static final List<String> FEED_ENQUIRY_COLUMNS = List.of("reference", "case_reference", "directorate",
            "status", "raised_on", "due_on", "responded_on", "answered_late", "chase_count");

    private static final ReportQueries.Where NOT_RESTRICTED = new ReportQueries.Where(" c.confidentiality <> 'RESTRICTED' ", java.util.Map.of());

    /** The case list export: the cases the user may see, matching the filters. */
    @Transactional(readOnly = true)
    public void forEachCase(CurrentUser user, ReportFilters filters, Consumer<List<Object>> sink) {
        forEach(ReportQueries.where(user, filters), sink);
    }

    /** The reporting feed: every case that is not restricted, in {@link #FEED_CASE_COLUMNS}. */
    @Transactional(readOnly = true)
    public void forEachFeedCase(Consumer<List<Object>> sink) {
        forEach(NOT_RESTRICTED, row -> {
            List<Object> copy = new java.util.ArrayList<>(row);
            copy.remove(4);
            sink.accept(copy);
        });
    }

    /** The reporting feed: every members' enquiry on a case that is not restricted. */
    @Transactional(readOnly = true)
    public void forEachFeedEnquiry(Consumer<List<Object>> sink) {
        try (var rows = jdbc.sql("""
                        select q.reference, c.reference as case_reference, d.name as directorate, q.status, q.raised_on, q.due_on,
                               q.responded_on, q.answered_late, q.chase_count
                          from members_enquiry q
                          join casework_case c on c.id = q.case_id
                          join directorate d on d.id = q.directorate_id
                         where""" + NOT_RESTRICTED.sql() + """
                         order by q.raised_on, q.id""")
                .withFetchSize(FETCH_SIZE)
                .query((rs, n) -> Arrays.<Object>asList(rs.getString("reference"), rs.getString("case_reference"),
                        rs.getString("directorate"), rs.getString("status"), rs.getObject("raised_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("responded_on", LocalDate.class),
                        rs.getObject("answered_late", Boolean.class), rs.getLong("chase_count")))
                .stream()) {
            rows.forEach(sink);
        }
    }

    /** The reporting feed: every diary engagement (private ones as "Busy"), in {@link DiaryApi#FEED_ENGAGEMENT_COLUMNS}. */
    @Transactional(readOnly = true)
    public void forEachFeedEngagement(Consumer<List<Object>> sink) {
        diary.forEachFeedEngagement(sink);
    }

    private void forEach(ReportQueries.Where where, Consumer<List<Object>> sink) {
        try (var rows = jdbc.sql("""
                        select c.reference, c.received_on, t.name as type_name, c.channel, c.subject, c.status, c.priority,
                               w.name as ward_name, p.name as portfolio_name, m.full_name as member_name,
                               u.display_name as allocated_name, c.internal_due_on, c.external_due_on,
                               (""" + ReportQueries.RESPONDED_AT + """
                                at time zone 'Europe/London')::date as responded_on,
                               (c.closed_at at time zone 'Europe/London')::date as closed_on, c.outcome
                          from casework_case c
                          join case_type t on t.id = c.case_type_id
                          left join ward w on w.id = c.ward_id
                          left join portfolio p on p.id = c.portfolio_id
                          left join member m on m.id = c.member_id
                          left join app_user u on u.id = c.allocated_to_id
                         where """ + where.sql() + """
                         order by c.received_on, c.id""")
                .params(where.params())
                .withFetchSize(FETCH_SIZE)
                .query((rs, n) -> Arrays.<Object>asList(rs.getString("reference"), rs.getObject("received_on", LocalDate.class),
                        rs.getString("type_name"), rs.getString("channel"), rs.getString("subject"), rs.getString("status"),
                        rs.getString("priority"), rs.getString("ward_name"), rs.getString("portfolio_name"),
                        rs.getString("member_name"), rs.getString("allocated_name"),
                        rs.getObject("internal_due_on", LocalDate.class), rs.getObject("external_due_on", LocalDate.class),
                        rs.getObject("responded_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                        rs.getString("outcome")))
                .stream()) {
            rows.forEach(sink);
        }
    }
}
