package org.mayorsoffice.casework.plan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mayorsoffice.casework.plan.internal.PlanEnums.Level;
import org.mayorsoffice.casework.plan.internal.PlanEnums.Rag;
import org.mayorsoffice.casework.plan.internal.PlanViews.Crumb;
import org.mayorsoffice.casework.plan.internal.PlanViews.DeliveryPage;
import org.mayorsoffice.casework.plan.internal.PlanViews.DeliveryRow;
import org.mayorsoffice.casework.plan.internal.PlanViews.ItemDetail;
import org.mayorsoffice.casework.plan.internal.PlanViews.ItemRow;
import org.mayorsoffice.casework.plan.internal.PlanViews.MilestoneCounts;
import org.mayorsoffice.casework.plan.internal.PlanViews.Node;
import org.mayorsoffice.casework.plan.internal.PlanViews.PlanPage;
import org.mayorsoffice.casework.plan.internal.PlanViews.UpdateRow;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plan's read side: the whole plan as a tree, one item, the delivery plan, and their exports. */
@Service
@Transactional(readOnly = true)
public class PlanQueries {

    /** A strategic plan has dozens of commitments and a few hundred milestones; pages read at most this many. */
    static final int MAX_ITEMS = 2000;

    private static final String ITEM_SELECT = """
            select i.id, i.level, i.parent_id, i.title, i.directorate_id, d.name as directorate, i.owner_name,
                   i.portfolio_id, p.name as portfolio, i.target_date, i.rag, i.completed_on,
                   u.update_on as latest_on, u.progress as latest_progress
              from plan_item i
              left join directorate d on d.id = i.directorate_id
              left join portfolio p on p.id = i.portfolio_id
              left join lateral (select x.update_on, x.progress from plan_update x where x.item_id = i.id
                                  order by x.update_on desc, x.id desc limit 1) u on true
            """;

    public static final List<String> PLAN_HEADERS = List.of("Level", "Priority", "Commitment", "Milestone", "Portfolio",
            "Directorate", "Owner", "Target date", "RAG", "Completed on", "Overdue", "Latest update on", "Latest update");

    public static final List<String> DELIVERY_HEADERS = List.of("Due", "Milestone", "Commitment", "Priority", "Portfolio",
            "Directorate", "Owner", "Target date", "RAG", "Completed on", "Overdue", "Latest update on", "Latest update");

    private final JdbcClient jdbc;
    private final Clock clock;

    PlanQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }

    /** The whole plan, optionally only the commitments (and their milestones) of one portfolio. */
    public PlanPage plan(Long portfolioId) {
        LocalDate today = today();
        List<ItemRow> all = jdbc.sql(ITEM_SELECT + " order by i.id limit " + MAX_ITEMS)
                .query((rs, n) -> item(rs, today)).list();
        Map<Long, List<ItemRow>> byParent = new LinkedHashMap<>();
        List<ItemRow> priorities = new ArrayList<>();
        for (ItemRow row : all) {
            if (row.parentId() == null) {
                priorities.add(row);
            } else {
                byParent.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            }
        }
        List<Node> tree = new ArrayList<>();
        for (ItemRow priority : priorities) {
            List<Node> commitments = new ArrayList<>();
            for (ItemRow commitment : sorted(byParent.get(priority.id()))) {
                if (portfolioId != null && !portfolioId.equals(commitment.portfolioId())) {
                    continue;
                }
                List<Node> milestones = sorted(byParent.get(commitment.id())).stream().map(m -> new Node(m, List.of())).toList();
                commitments.add(new Node(commitment, milestones));
            }
            if (portfolioId == null || !commitments.isEmpty()) {
                tree.add(new Node(priority, commitments));
            }
        }
        List<ItemRow> milestones = tree.stream().flatMap(p -> p.children().stream())
                .flatMap(c -> c.children().stream()).map(Node::item).toList();
        return new PlanPage(tree, counts(milestones), today);
    }

    private static List<ItemRow> sorted(List<ItemRow> rows) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream().sorted(Comparator.comparing(ItemRow::targetDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ItemRow::id)).toList();
    }

    static MilestoneCounts counts(List<ItemRow> milestones) {
        long[] c = new long[5];
        for (ItemRow m : milestones) {
            if (m.complete()) {
                c[3]++;
            } else {
                c[m.rag().ordinal()]++;
                if (m.overdue()) {
                    c[4]++;
                }
            }
        }
        return new MilestoneCounts(c[0], c[1], c[2], c[3], c[4]);
    }

    public ItemDetail item(long id) {
        LocalDate today = today();
        ItemRow row = one(id, today);
        Map<String, Object> extra = jdbc.sql("select description, version from plan_item where id = :id").param("id", id)
                .query().singleRow();
        List<Crumb> ancestors = new ArrayList<>();
        Long parent = row.parentId();
        while (parent != null) {
            ItemRow p = one(parent, today);
            ancestors.add(0, new Crumb(p.id(), p.level(), p.title()));
            parent = p.parentId();
        }
        List<ItemRow> children = jdbc.sql(ITEM_SELECT + " where i.parent_id = :id order by i.target_date nulls last, i.id limit "
                        + MAX_ITEMS)
                .param("id", id).query((rs, n) -> item(rs, today)).list();
        List<UpdateRow> updates = jdbc.sql("""
                        select update_on, rag, progress, created_by, created_at at time zone 'Europe/London' as recorded_at from plan_update where item_id = :id
                         order by update_on desc, id desc limit 200""")
                .param("id", id)
                .query((rs, n) -> new UpdateRow(rs.getObject("update_on", LocalDate.class), Rag.valueOf(rs.getString("rag")),
                        rs.getString("progress"), rs.getString("created_by"), rs.getObject("recorded_at", java.time.LocalDateTime.class)))
                .list();
        return new ItemDetail(row, (String) extra.get("description"), ((Number) extra.get("version")).longValue(), ancestors,
                children, updates);
    }

    /** One item, or a 404. */
    ItemRow one(long id, LocalDate today) {
        return jdbc.sql(ITEM_SELECT + " where i.id = :id").param("id", id).query((rs, n) -> item(rs, today)).optional()
                .orElseThrow(() -> new NotFoundException("Plan item"));
    }

    /**
     * Milestones due in the period, and (while the period is current or ahead) the overdue ones due before it:
     * past their target date today and still not complete.
     */
    public DeliveryPage delivery(DeliveryPeriod period) {
        LocalDate today = today();
        List<DeliveryRow> due = deliveryRows("m.target_date between :from and :to", period, today);
        List<DeliveryRow> carried = period.to().isBefore(today) ? List.of()
                : deliveryRows("m.target_date < least(:from, :today) and m.completed_on is null", period, today);
        return new DeliveryPage(period, due, carried, counts(due.stream().map(DeliveryRow::milestone).toList()), today);
    }

    private List<DeliveryRow> deliveryRows(String condition, DeliveryPeriod period, LocalDate today) {
        String sql = "select m.*, c.title as commitment, p.title as priority from (" + ITEM_SELECT
                + " where i.level = 'MILESTONE') m"
                + " join plan_item c on c.id = m.parent_id join plan_item p on p.id = c.parent_id"
                + " where " + condition + " order by m.target_date, m.id limit " + MAX_ITEMS;
        return jdbc.sql(sql)
                .param("from", period.from())
                .param("to", period.to())
                .param("today", today)
                .query((rs, n) -> new DeliveryRow(item(rs, today), rs.getString("commitment"), rs.getString("priority")))
                .list();
    }

    /** The whole plan as export rows ({@link #PLAN_HEADERS}), depth first. */
    public void forEachPlanRow(Consumer<List<Object>> sink) {
        PlanPage page = plan(null);
        for (Node p : page.priorities()) {
            sink.accept(exportRow(p.item(), p.item().title(), null, null));
            for (Node c : p.children()) {
                sink.accept(exportRow(c.item(), p.item().title(), c.item().title(), null));
                for (Node m : c.children()) {
                    sink.accept(exportRow(m.item(), p.item().title(), c.item().title(), m.item().title()));
                }
            }
        }
    }

    /** The delivery plan as export rows ({@link #DELIVERY_HEADERS}). */
    public void forEachDeliveryRow(DeliveryPeriod period, Consumer<List<Object>> sink) {
        DeliveryPage page = delivery(period);
        page.due().forEach(r -> sink.accept(deliveryRow("This period", r)));
        page.carriedForward().forEach(r -> sink.accept(deliveryRow("Overdue from earlier", r)));
    }

    private static List<Object> exportRow(ItemRow i, String priority, String commitment, String milestone) {
        return Arrays.asList(i.level().label(), priority, commitment, milestone, i.portfolio(), i.directorate(), i.owner(),
                i.targetDate(), i.complete() ? "Complete" : i.rag().label(), i.completedOn(), i.overdue() ? "Yes" : "No",
                i.latestUpdateOn(), i.latestUpdate());
    }

    private static List<Object> deliveryRow(String due, DeliveryRow r) {
        ItemRow m = r.milestone();
        return Arrays.asList(due, m.title(), r.commitment(), r.priority(), m.portfolio(), m.directorate(), m.owner(),
                m.targetDate(), m.complete() ? "Complete" : m.rag().label(), m.completedOn(), m.overdue() ? "Yes" : "No",
                m.latestUpdateOn(), m.latestUpdate());
    }

    private static ItemRow item(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate target = rs.getObject("target_date", LocalDate.class);
        LocalDate completed = rs.getObject("completed_on", LocalDate.class);
        return new ItemRow(rs.getLong("id"), Level.valueOf(rs.getString("level")), (Long) rs.getObject("parent_id", Long.class),
                rs.getString("title"), rs.getObject("directorate_id", Long.class), rs.getString("directorate"),
                rs.getString("owner_name"), rs.getObject("portfolio_id", Long.class), rs.getString("portfolio"), target,
                Rag.valueOf(rs.getString("rag")), completed, rs.getObject("latest_on", LocalDate.class),
                rs.getString("latest_progress"), completed == null && target != null && target.isBefore(today));
    }
}
