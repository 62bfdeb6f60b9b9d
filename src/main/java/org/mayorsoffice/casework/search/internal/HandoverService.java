package org.mayorsoffice.casework.search.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.diary.DiaryApi;
import org.mayorsoffice.casework.responses.ApprovalQueue;
import org.mayorsoffice.casework.shared.export.TabularExport;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change of office-holder: the outgoing member's open cases, drafts awaiting their approval and future diary
 * engagements (with briefings) pass to the successor, or to the head of office; closed cases held for the
 * member personally are disposed of under their case type's retention rule (deleted when there is none), unless
 * under a legal hold. The report of what moved and what went is stored and downloadable.
 */
@Service
@Transactional(readOnly = true)
public class HandoverService {

    /** The successor value meaning "the head of office" (no member). */
    public static final String HEAD_OF_OFFICE = "HEAD";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
            .withZone(ZoneId.of("Europe/London"));

    public record Preview(long outgoingId, String outgoing, Long successorId, String successor, long openCases,
            long drafts, long engagements, long briefings, long closedPersonal) {

        public String successorValue() {
            return successorId == null ? HEAD_OF_OFFICE : successorId.toString();
        }
    }

    public record Report(long id, String outgoing, String successor, String executedBy, String executedAt,
            List<List<String>> rows, String csv) {}

    private final JdbcClient jdbc;
    private final CaseDesk cases;
    private final DiaryApi diary;
    private final ApprovalQueue approvals;
    private final RetentionService retention;
    private final ApplicationEventPublisher events;

    HandoverService(JdbcClient jdbc, CaseDesk cases, DiaryApi diary, ApprovalQueue approvals,
            RetentionService retention, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.diary = diary;
        this.approvals = approvals;
        this.retention = retention;
        this.events = events;
    }

    public List<Option> members() {
        return jdbc.sql("select id, full_name from member where active order by full_name limit 200")
                .query((rs, n) -> new Option(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
    }

    /** What would move; throws RuleViolationException (field outgoing or successor) on a bad choice. */
    public Preview preview(String outgoingValue, String successorValue) {
        Long outgoingId = parse(outgoingValue);
        if (outgoingId == null) {
            throw new RuleViolationException("outgoing", "Select the outgoing member");
        }
        String outgoing = memberName(outgoingId)
                .orElseThrow(() -> new RuleViolationException("outgoing", "Select the outgoing member"));
        Long successorId = null;
        String successor = "the head of office";
        if (!HEAD_OF_OFFICE.equals(successorValue)) {
            successorId = parse(successorValue);
            if (successorId == null) {
                throw new RuleViolationException("successor", "Select who takes over: a member or the head of office");
            }
            successor = memberName(successorId).orElseThrow(() -> new RuleViolationException("successor",
                    "Select who takes over: a member or the head of office"));
            if (successorId.equals(outgoingId)) {
                throw new RuleViolationException("successor", "The successor must be someone other than the outgoing member");
            }
        }
        CaseDesk.MemberCaseload load = cases.memberCaseload(outgoingId);
        List<DiaryApi.FutureEngagement> future = diary.futureEngagements(outgoingId, 500);
        return new Preview(outgoingId, outgoing, successorId, successor, load.open(),
                approvals.awaitingMemberApprovalCount(outgoingId), future.size(),
                future.stream().mapToLong(DiaryApi.FutureEngagement::briefings).sum(), load.closedPersonal());
    }

    @Transactional
    public long execute(String outgoingValue, String successorValue, String actor) {
        Preview p = preview(outgoingValue, successorValue);
        List<List<String>> rows = new ArrayList<>();
        String moved = "Moved to " + p.successor();
        String note = "Change of office-holder: moved from " + p.outgoing() + " to " + p.successor();
        for (String reference : cases.reassignOpenCases(p.outgoingId(), p.successorId(), note, actor)) {
            rows.add(List.of("Open case", reference, moved));
        }
        int drafts = approvals.reassignAwaitingApproval(p.outgoingId(), p.successorId());
        if (drafts > 0) {
            rows.add(List.of("Drafts awaiting approval", drafts + " drafts", moved));
        }
        List<DiaryApi.FutureEngagement> future = diary.futureEngagements(p.outgoingId(), 500);
        if (p.successorId() != null) {
            diary.moveFutureEngagements(p.outgoingId(), p.successorId());
        }
        for (DiaryApi.FutureEngagement e : future) {
            rows.add(List.of("Engagement", e.title() + " (" + WHEN.format(e.startsAt()) + ", " + e.briefings()
                    + " briefings)", p.successorId() == null ? "Left in " + p.outgoing()
                    + "'s diary for the head of office to cancel or pass on" : moved));
        }
        for (long caseId : cases.closedPersonalCaseIds(p.outgoingId(), 1000)) {
            String reference = jdbc.sql("select reference from casework_case where id = :id").param("id", caseId)
                    .query(String.class).single();
            String outcome = retention.disposeNow(caseId, "closed case personal to " + p.outgoing()
                    + ", change of office-holder", actor);
            rows.add(List.of("Closed personal case", reference, "Held".equals(outcome)
                    ? "Kept: under a legal hold" : outcome));
        }
        String csv = toCsv(rows);
        long id = jdbc.sql("""
                insert into handover (outgoing_member_id, outgoing_member, successor_member_id, successor, executed_by,
                    report_csv) values (:out, :outName, :succ, :succName, :actor, :csv) returning id""")
                .param("out", p.outgoingId()).param("outName", p.outgoing()).param("succ", p.successorId())
                .param("succName", p.successor()).param("actor", actor).param("csv", csv).query(Long.class).single();
        events.publishEvent(AuditEntry.of(actor, "member.handover", "member", p.outgoingId())
                .detail("Handover " + id + " to " + p.successor() + ": " + rows.size() + " lines in its report").build());
        return id;
    }

    public Report report(long id) {
        Map<String, Object> row = jdbc.sql("select * from handover where id = :id").param("id", id).query().listOfRows()
                .stream().findFirst().orElseThrow(() -> new NotFoundException("No such handover"));
        String csv = (String) row.get("report_csv");
        List<List<String>> rows = new ArrayList<>();
        csv.lines().skip(1).forEach(line -> rows.add(parseCsvLine(line)));
        return new Report(id, (String) row.get("outgoing_member"), (String) row.get("successor"),
                (String) row.get("executed_by"), WHEN.format(((java.sql.Timestamp) row.get("executed_at")).toInstant()),
                rows, csv);
    }

    private java.util.Optional<String> memberName(long id) {
        return jdbc.sql("select full_name from member where id = :id").param("id", id).query(String.class).optional();
    }

    private static Long parse(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String toCsv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("What,Item,Outcome\n");
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(TabularExport::csvCell).toList())).append('\n');
        }
        return out.toString();
    }

    private static List<String> parseCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        // Undo the formula guard added by TabularExport.csvCell.
        return cells.stream().map(c -> c.startsWith("'") && c.length() > 1 && "=+-@".indexOf(c.charAt(1)) >= 0
                ? c.substring(1) : c).toList();
    }
}
