package org.mayorsoffice.casework.plan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo strategic plan (first start): three of the Mayor's priorities, their commitments and milestones around
 * today, with a spread of RAG ratings, completed and overdue milestones, and dated progress updates.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("casework.demo-data.enabled")
class PlanDemoData implements ApplicationRunner {

    /** A milestone: months from today to its target, RAG, completed (months from today, or null), latest progress. */
    private record Milestone(String title, int dueInMonths, String rag, Integer completedMonthsAgo, String progress) {}

    private record Commitment(String title, String portfolio, String directorate, String owner, int dueInMonths, String rag,
            List<Milestone> milestones) {}

    private record Priority(String title, String description, List<Commitment> commitments) {}

    private static final List<Priority> PLAN = List.of(
            new Priority("A decent, affordable home for everyone",
                    "More council homes, better repairs and an end to rough sleeping.", List.of(
                    new Commitment("Build 1,000 new council homes by 2028", "Housing", "Housing & Regeneration",
                            "Karen Whitfield", 20, "AMBER", List.of(
                            new Milestone("Planning permission for the first 250 homes", -2, "GREEN", 3, "Permission granted at Strategic Development Committee."),
                            new Milestone("Contractor appointed for Brindley House phase 1", -1, "RED", null, "Tender returns over budget; re-tender approved by Cabinet."),
                            new Milestone("First 100 homes handed over", 9, "AMBER", null, "Groundworks started; brick supply risk flagged."))),
                    new Commitment("Fix damp and mould in council homes within 28 days", "Housing", "Housing & Regeneration",
                            "Karen Whitfield", 4, "GREEN", List.of(
                            new Milestone("Damp and mould triage team in place", -4, "GREEN", 4, "Team of six surveyors started."),
                            new Milestone("95% of reports inspected within 10 working days", 1, "GREEN", null, "92% in October, up from 71% in June."))))),
            new Priority("Cleaner, greener and safer streets",
                    "Tackle fly-tipping, improve air quality and make streets feel safe.", List.of(
                    new Commitment("Halve fly-tipping hot spots by 2027", "Environment & Climate", "Place", "Marcus Green", 10,
                            "GREEN", List.of(
                            new Milestone("CCTV at the 20 worst hot spots", -3, "GREEN", 2, "All 20 cameras live."),
                            new Milestone("Weekend bulky-waste collections borough-wide", 2, "AMBER", null, "Pilot in Bow extended; fleet order delayed."))),
                    new Commitment("20 new school streets", "Children & Education", "Place", "Highways and Transport team", 7, "AMBER",
                            List.of(
                            new Milestone("Consultation on the next 10 school streets", 0, "AMBER", null, "Consultation closes this month; 61% support so far."),
                            new Milestone("Traffic orders made for phase 2", 5, "GREEN", null, "Drafting under way."))))),
            new Priority("Opportunity for every young person",
                    "Youth services, skills and jobs for young people across the borough.", List.of(
                    new Commitment("Reopen four youth centres", "Children & Education", "Children's Services", "Priya Desai", 12,
                            "GREEN", List.of(
                            new Milestone("Weavers Fields youth centre reopened", -5, "GREEN", 5, "Open six evenings a week."),
                            new Milestone("Poplar youth centre refurbishment complete", 3, "GREEN", null, "On programme."))),
                    new Commitment("1,500 local apprenticeships", "Jobs, Skills & Growth", "Resources", "Economic Development team", 18,
                            "RED", List.of(
                            new Milestone("Apprenticeship levy transfer scheme launched", -2, "RED", null, "Legal advice on the scheme awaited; three months late."),
                            new Milestone("500 apprenticeships started", 6, "AMBER", null, "212 started so far."))))));

    private final JdbcClient jdbc;
    private final Clock clock;

    PlanDemoData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from plan_item").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        for (Priority p : PLAN) {
            long priorityId = insert("PRIORITY", null, p.title(), p.description(), null, null, null, null, "GREEN", null);
            for (Commitment c : p.commitments()) {
                long commitmentId = insert("COMMITMENT", priorityId, c.title(), null, c.directorate(), c.owner(), c.portfolio(),
                        today.plusMonths(c.dueInMonths()).withDayOfMonth(28), c.rag(), null);
                for (Milestone m : c.milestones()) {
                    LocalDate due = today.plusMonths(m.dueInMonths()).withDayOfMonth(m.dueInMonths() == 0 ? today.lengthOfMonth() : 15);
                    LocalDate completed = m.completedMonthsAgo() == null ? null : today.minusMonths(m.completedMonthsAgo());
                    long milestoneId = insert("MILESTONE", commitmentId, m.title(), null, c.directorate(), c.owner(), c.portfolio(),
                            due, m.rag(), completed);
                    update(milestoneId, today.minusMonths(1), "GREEN", "Work started to plan.");
                    update(milestoneId, completed != null ? completed : today.minusDays(7), m.rag(), m.progress());
                }
            }
        }
    }

    private long insert(String level, Long parent, String title, String description, String directorate, String owner,
            String portfolio, LocalDate target, String rag, LocalDate completed) {
        return jdbc.sql("""
                        insert into plan_item (level, parent_id, title, description, directorate_id, owner_name, portfolio_id,
                                               target_date, rag, completed_on, created_by)
                        values (:level, :parent, :title, :description,
                                (select id from directorate where name = :directorate),
                                :owner, (select id from portfolio where name = :portfolio), :target, :rag, :completed, 'demo')
                        returning id""")
                .param("level", level).param("parent", parent).param("title", title).param("description", description)
                .param("directorate", directorate).param("owner", owner).param("portfolio", portfolio)
                .param("target", target).param("rag", rag).param("completed", completed)
                .query(Long.class).single();
    }

    private void update(long item, LocalDate on, String rag, String progress) {
        jdbc.sql("insert into plan_update (item_id, update_on, rag, progress, created_by) values (:item, :on, :rag, :progress, 'demo')")
                .param("item", item).param("on", on).param("rag", rag).param("progress", progress).update();
    }
}
