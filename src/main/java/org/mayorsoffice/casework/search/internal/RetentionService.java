package org.mayorsoffice.casework.search.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of closed casework: rules per case type (kept N years after closure, then anonymised or deleted),
 * the dry run (what would go today), review batches the head of office approves, and their execution. Cases
 * under a legal hold, or with a person under one, are listed as held and never removed.
 */
@Service
@Transactional(readOnly = true)
public class RetentionService {

    /** The most cases one batch (and the dry run) covers; the next run picks up the rest. */
    public static final int BATCH_LIMIT = 200;

    public enum Action {
        ANONYMISE("Anonymise"),
        DELETE("Delete");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One case type and its rule ({@code years} null when it has none: its cases are kept). */
    public record RuleRow(long caseTypeId, String caseType, Integer years, Action action) {

        public String description() {
            return years == null ? "Kept (no rule)" : describe(years, action);
        }
    }

    public record DuePerson(long id, String name, boolean goes, String note) {}

    /** A case past its retention period, with what would go with it. */
    public record DueCase(long caseId, String reference, String caseType, LocalDate closedOn, String rule,
            Action action, boolean held, int notes, int correspondence, int attachments, List<DuePerson> people,
            boolean excluded, String outcome) {

        public String href() {
            return "/cases/" + caseId;
        }
    }

    public record Batch(long id, String status, Instant createdAt, String createdBy, String decidedBy,
            Instant decidedAt, String summary, List<DueCase> cases) {

        public boolean pending() {
            return "PENDING".equals(status);
        }

        public long going() {
            return cases.stream().filter(c -> !c.held() && !c.excluded()).count();
        }
    }

    private final JdbcClient jdbc;
    private final RecordDisposal disposal;
    private final ApplicationEventPublisher events;

    RetentionService(JdbcClient jdbc, RecordDisposal disposal, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.disposal = disposal;
        this.events = events;
    }

    static String describe(int years, Action action) {
        return action.label() + " " + years + (years == 1 ? " year" : " years") + " after closure";
    }

    // --- Rules ---

    public List<RuleRow> rules() {
        return jdbc.sql("""
                select t.id, t.name, r.years_after_closure, r.action from case_type t
                  left join retention_rule r on r.case_type_id = t.id order by t.name limit 500""")
                .query((rs, n) -> new RuleRow(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getString(4) == null ? null : Action.valueOf(rs.getString(4))))
                .list();
    }

    public RuleRow rule(long caseTypeId) {
        return rules().stream().filter(r -> r.caseTypeId() == caseTypeId).findFirst()
                .orElseThrow(() -> new NotFoundException("No such case type"));
    }

    /** Sets (years and action) or removes (years null) the rule for a case type; audited. */
    @Transactional
    public void saveRule(long caseTypeId, Integer years, Action action, String actor) {
        RuleRow before = rule(caseTypeId);
        if (years == null) {
            int used = jdbc.sql("""
                    select count(*) from retention_batch_item i join retention_rule r on r.id = i.rule_id
                     where r.case_type_id = :type""").param("type", caseTypeId).query(Integer.class).single();
            if (used > 0) {
                throw new RuleViolationException("years", "This rule has been used in a retention review, so it"
                        + " cannot be removed; change its period instead");
            }
            jdbc.sql("delete from retention_rule where case_type_id = :type").param("type", caseTypeId).update();
        } else {
            jdbc.sql("""
                    insert into retention_rule (case_type_id, years_after_closure, action, updated_by)
                    values (:type, :years, :action, :actor)
                    on conflict (case_type_id) do update set years_after_closure = excluded.years_after_closure,
                        action = excluded.action, updated_by = excluded.updated_by, updated_at = now(),
                        version = retention_rule.version + 1""")
                    .param("type", caseTypeId).param("years", years).param("action", action.name())
                    .param("actor", actor).update();
        }
        events.publishEvent(AuditEntry.of(actor, "retention.rule", "case-type", caseTypeId)
                .change("rule", before.description(), rule(caseTypeId).description()).build());
    }

    // --- Dry run and batches ---

    /** What would go today under the rules; changes nothing. */
    public List<DueCase> dryRun() {
        List<Long> ids = dueCaseIds();
        return describe(ids, Map.of());
    }

    private List<Long> dueCaseIds() {
        return jdbc.sql("""
                select c.id from casework_case c join retention_rule r on r.case_type_id = c.case_type_id
                 where c.status = 'CLOSED' and c.closed_at is not null
                   and c.closed_at < now() - make_interval(years => r.years_after_closure)
                   and c.subject <> :anonymised
                 order by c.closed_at, c.id limit :limit""")
                .param("anonymised", RecordDisposal.ANONYMISED_SUBJECT).param("limit", BATCH_LIMIT)
                .query(Long.class).list();
    }

    private record ItemState(boolean excluded, String outcome) {}

    private List<DueCase> describe(List<Long> ids, Map<Long, ItemState> states) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<DuePerson>> people = new LinkedHashMap<>();
        // A person goes when every case they are on goes with this review (not held, not excluded).
        Set<Long> held = new java.util.HashSet<>(jdbc.sql("""
                select c.id from casework_case c where c.id in (:ids) and (c.legal_hold or exists (
                    select 1 from case_person cp join person p on p.id = cp.person_id where cp.case_id = c.id and p.legal_hold))""")
                .param("ids", ids).query(Long.class).list());
        List<Long> going = ids.stream().filter(id -> !held.contains(id))
                .filter(id -> !states.getOrDefault(id, new ItemState(false, null)).excluded()).toList();
        Set<Long> goingIds = going.isEmpty() ? Set.of() : new java.util.HashSet<>(jdbc.sql("""
                select distinct p.id from case_person cp join person p on p.id = cp.person_id
                 where cp.case_id in (:going) and not p.legal_hold
                   and not exists (select 1 from case_person o where o.person_id = p.id and o.case_id not in (:going))
                   and not exists (select 1 from person m join case_person mo on mo.person_id = m.id
                                    where m.merged_into_id = p.id and mo.case_id not in (:going))""")
                .param("going", going).query(Long.class).list());
        jdbc.sql("""
                select cp.case_id, p.id, trim(concat_ws(' ', p.first_name, p.last_name, p.organisation_name)), p.legal_hold
                  from case_person cp join person p on p.id = cp.person_id
                 where cp.case_id in (:ids) order by cp.case_id, p.last_name, p.id""")
                .param("ids", ids).query().listOfRows().forEach(row -> {
                    long person = ((Number) row.get("id")).longValue();
                    boolean hold = Boolean.TRUE.equals(row.get("legal_hold"));
                    boolean goes = goingIds.contains(person);
                    String note = hold ? "Kept: under a legal hold" : goes ? "Goes (on no case that is kept)"
                            : "Kept: on other cases";
                    people.computeIfAbsent(((Number) row.get("case_id")).longValue(), k -> new ArrayList<>())
                            .add(new DuePerson(person, (String) row.values().toArray()[2], goes, note));
                });
        return jdbc.sql("""
                select c.id, c.reference, t.name, c.closed_at, r.years_after_closure, r.action,
                       (c.legal_hold or exists (select 1 from case_person cp join person p on p.id = cp.person_id
                                                 where cp.case_id = c.id and p.legal_hold)) as held,
                       (select count(*) from case_event e where e.case_id = c.id and e.kind = 'NOTE') as notes,
                       (select count(*) from correspondence_item i where i.case_id = c.id) as items,
                       (select count(*) from case_attachment a where a.case_id = c.id)
                         + (select count(*) from correspondence_attachment a join correspondence_item i on i.id = a.item_id
                             where i.case_id = c.id) as files
                  from casework_case c join case_type t on t.id = c.case_type_id
                  join retention_rule r on r.case_type_id = c.case_type_id
                 where c.id in (:ids) order by c.closed_at, c.id""")
                .param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    ItemState state = states.getOrDefault(id, new ItemState(false, null));
                    Action action = Action.valueOf(rs.getString(6));
                    return new DueCase(id, rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate(),
                            describe(rs.getInt(5), action), action, rs.getBoolean(7), rs.getInt(8), rs.getInt(9),
                            rs.getInt(10), people.getOrDefault(id, List.of()), state.excluded(), state.outcome());
                })
                .list();
    }

    /**
     * Creates the review batch from today's dry run, unless one is already waiting for review (that one is
     * returned) or nothing is due (empty).
     */
    @Transactional
    public Optional<Long> createBatch(String actor) {
        Optional<Long> pending = pendingBatchId();
        if (pending.isPresent()) {
            return pending;
        }
        List<Long> ids = dueCaseIds();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long batch = jdbc.sql("insert into retention_batch (status, created_by) values ('PENDING', :actor) returning id")
                .param("actor", actor).query(Long.class).single();
        jdbc.sql("""
                insert into retention_batch_item (batch_id, case_id, case_reference, rule_id, action)
                select :batch, c.id, c.reference, r.id, r.action from casework_case c
                  join retention_rule r on r.case_type_id = c.case_type_id where c.id in (:ids)""")
                .param("batch", batch).param("ids", ids).update();
        events.publishEvent(AuditEntry.of(actor, "retention.batch-created", "retention-batch", batch)
                .detail(ids.size() + " cases past their retention period, for review").build());
        return Optional.of(batch);
    }

    public Optional<Long> pendingBatchId() {
        return jdbc.sql("select id from retention_batch where status = 'PENDING'").query(Long.class).optional();
    }

    /** Recent batches, newest first (at most 20): id, status, created, summary. */
    public List<Map<String, Object>> recentBatches() {
        return jdbc.sql("""
                select id, status, created_at, created_by, decided_by, decided_at, summary from retention_batch
                 order by id desc limit 20""").query().listOfRows();
    }

    public Batch batch(long id) {
        Map<String, Object> row = jdbc.sql("select * from retention_batch where id = :id").param("id", id).query()
                .listOfRows().stream().findFirst().orElseThrow(() -> new NotFoundException("No such batch"));
        Map<Long, ItemState> states = new LinkedHashMap<>();
        List<Map<String, Object>> items = jdbc.sql("""
                select case_id, case_reference, action, excluded, outcome from retention_batch_item
                 where batch_id = :id order by case_id""").param("id", id).query().listOfRows();
        items.forEach(i -> states.put(((Number) i.get("case_id")).longValue(),
                new ItemState((Boolean) i.get("excluded"), (String) i.get("outcome"))));
        List<DueCase> cases = new ArrayList<>(describe(new ArrayList<>(states.keySet()), states));
        // Cases already removed by this batch are listed from the batch's own record.
        Set<Long> live = cases.stream().map(DueCase::caseId).collect(Collectors.toSet());
        for (Map<String, Object> i : items) {
            long caseId = ((Number) i.get("case_id")).longValue();
            if (!live.contains(caseId)) {
                cases.add(new DueCase(caseId, (String) i.get("case_reference"), null, null, null,
                        Action.valueOf((String) i.get("action")), false, 0, 0, 0, List.of(),
                        (Boolean) i.get("excluded"), (String) i.get("outcome")));
            }
        }
        return new Batch(id, (String) row.get("status"), ((java.sql.Timestamp) row.get("created_at")).toInstant(),
                (String) row.get("created_by"), (String) row.get("decided_by"),
                row.get("decided_at") == null ? null : ((java.sql.Timestamp) row.get("decided_at")).toInstant(),
                (String) row.get("summary"), cases);
    }

    @Transactional
    public void setExcluded(long batchId, long caseId, boolean excluded, String actor) {
        requirePending(batchId);
        int changed = jdbc.sql("""
                update retention_batch_item set excluded = :excluded where batch_id = :batch and case_id = :case""")
                .param("excluded", excluded).param("batch", batchId).param("case", caseId).update();
        if (changed == 0) {
            throw new NotFoundException("No such case in the batch");
        }
        events.publishEvent(AuditEntry.of(actor, "retention.item-" + (excluded ? "excluded" : "included"),
                "case", caseId).detail("Retention batch " + batchId).build());
    }

    @Transactional
    public void cancel(long batchId, String actor) {
        requirePending(batchId);
        jdbc.sql("""
                update retention_batch set status = 'CANCELLED', decided_by = :actor, decided_at = now(),
                       summary = 'Cancelled: nothing removed', version = version + 1 where id = :id""")
                .param("actor", actor).param("id", batchId).update();
        events.publishEvent(AuditEntry.of(actor, "retention.batch-cancelled", "retention-batch", batchId).build());
    }

    /**
     * Approves and carries out the batch: each case not excluded is anonymised or deleted under its rule, unless
     * it (or a person on it) is under a legal hold now. One audit entry per case says what went and why.
     */
    @Transactional
    public String approve(long batchId, String actor) {
        requirePending(batchId);
        List<Map<String, Object>> items = jdbc.sql("""
                select i.case_id, i.case_reference, i.action, i.excluded, r.years_after_closure
                  from retention_batch_item i join retention_rule r on r.id = i.rule_id
                 where i.batch_id = :id order by i.case_id""").param("id", batchId).query().listOfRows();
        int removed = 0;
        int held = 0;
        int excluded = 0;
        for (Map<String, Object> item : items) {
            long caseId = ((Number) item.get("case_id")).longValue();
            String reference = (String) item.get("case_reference");
            Action action = Action.valueOf((String) item.get("action"));
            String outcome;
            if (Boolean.TRUE.equals(item.get("excluded"))) {
                outcome = "EXCLUDED";
                excluded++;
            } else if (isHeld(caseId)) {
                outcome = "HELD";
                held++;
            } else if (!exists(caseId)) {
                outcome = "GONE";
            } else {
                String rule = describe((Integer) item.get("years_after_closure"), action);
                RecordDisposal.Disposed what = disposal.dispose(caseId, action == Action.DELETE);
                outcome = action == Action.DELETE ? "DELETED" : "ANONYMISED";
                removed++;
                events.publishEvent(AuditEntry.of(actor, "retention." + outcome.toLowerCase(), "case", caseId)
                        .detail("Case " + reference + " " + outcome.toLowerCase() + " under the retention rule \""
                                + rule + "\" (batch " + batchId + "): " + what.describe() + " removed")
                        .build());
            }
            jdbc.sql("update retention_batch_item set outcome = :outcome where batch_id = :batch and case_id = :case")
                    .param("outcome", outcome).param("batch", batchId).param("case", caseId).update();
        }
        String summary = removed + " cases removed, " + held + " held, " + excluded + " excluded";
        jdbc.sql("""
                update retention_batch set status = 'EXECUTED', decided_by = :actor, decided_at = now(),
                       summary = :summary, version = version + 1 where id = :id""")
                .param("actor", actor).param("summary", summary).param("id", batchId).update();
        events.publishEvent(AuditEntry.of(actor, "retention.batch-approved", "retention-batch", batchId)
                .detail(summary).build());
        return summary;
    }

    /** Disposes of one case now under its type's rule (default: delete); for a handover. Returns the outcome. */
    @Transactional
    public String disposeNow(long caseId, String reason, String actor) {
        if (isHeld(caseId)) {
            return "Held";
        }
        Map<String, Object> rule = jdbc.sql("""
                select c.reference, r.years_after_closure, r.action from casework_case c
                  left join retention_rule r on r.case_type_id = c.case_type_id where c.id = :id""")
                .param("id", caseId).query().singleRow();
        Action action = rule.get("action") == null ? Action.DELETE : Action.valueOf((String) rule.get("action"));
        RecordDisposal.Disposed what = disposal.dispose(caseId, action == Action.DELETE);
        String outcome = action == Action.DELETE ? "Deleted" : "Anonymised";
        events.publishEvent(AuditEntry.of(actor, "retention." + outcome.toLowerCase(), "case", caseId)
                .detail("Case " + rule.get("reference") + " " + outcome.toLowerCase() + " (" + reason + "): "
                        + what.describe() + " removed")
                .build());
        return outcome;
    }

    private boolean isHeld(long caseId) {
        return jdbc.sql("""
                select c.legal_hold or exists (select 1 from case_person cp join person p on p.id = cp.person_id
                                               where cp.case_id = c.id and p.legal_hold)
                  from casework_case c where c.id = :id""").param("id", caseId).query(Boolean.class).optional()
                .orElse(false);
    }

    private boolean exists(long caseId) {
        return jdbc.sql("select count(*) from casework_case where id = :id").param("id", caseId)
                .query(Integer.class).single() > 0;
    }

    private void requirePending(long batchId) {
        String status = jdbc.sql("select status from retention_batch where id = :id").param("id", batchId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("No such batch"));
        if (!"PENDING".equals(status)) {
            throw new RuleViolationException("batch", "This review has already been decided");
        }
    }
}
