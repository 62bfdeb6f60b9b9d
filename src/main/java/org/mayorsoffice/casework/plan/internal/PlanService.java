package org.mayorsoffice.casework.plan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.plan.internal.PlanEnums.Level;
import org.mayorsoffice.casework.plan.internal.PlanEnums.Rag;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding and changing plan items and recording progress; every change is audited. */
@Service
@Transactional(readOnly = true)
public class PlanService {

    /**
     * What a user entered for an item; ids already parsed (null when not chosen). {@code targetDate} is required for
     * commitments and milestones; {@code completedOn} applies to milestones only.
     */
    public record ItemData(String title, String description, Long directorateId, String owner, Long portfolioId,
            LocalDate targetDate, LocalDate completedOn) {}

    /** A dated progress update; {@code complete} marks a milestone complete on the update's date. */
    public record UpdateData(LocalDate on, String rag, String progress, boolean complete) {}

    private final JdbcClient jdbc;
    private final OrganisationApi organisation;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanService(JdbcClient jdbc, OrganisationApi organisation, MemberDirectory members, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    public List<Option> directorateOptions() {
        return organisation.directorates().stream().map(d -> Option.of(d.id(), d.name())).toList();
    }

    public List<Option> portfolioOptions() {
        return members.portfolioOptions();
    }

    /** The level and title of the item a new one will sit under (404 when missing); checks the level fits. */
    public Level parentLevel(long parentId) {
        String level = jdbc.sql("select level from plan_item where id = :id").param("id", parentId).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("Plan item"));
        Level parent = Level.valueOf(level);
        if (parent.child() == null) {
            throw new NotFoundException("Plan item");
        }
        return parent;
    }

    /** Every problem with the item's details at once (empty when none). */
    public List<RuleViolationException> problems(Level level, ItemData d, Long currentDirectorateId, Long currentPortfolioId) {
        List<RuleViolationException> problems = new ArrayList<>();
        String title = strip(d.title());
        if (title == null) {
            problems.add(new RuleViolationException("title", "Enter a title for the " + level.noun()));
        } else if (title.length() > 200) {
            problems.add(new RuleViolationException("title", "Title must be 200 characters or fewer"));
        }
        String description = strip(d.description());
        if (description != null && description.length() > 5000) {
            problems.add(new RuleViolationException("description", "Description must be 5,000 characters or fewer"));
        }
        String owner = strip(d.owner());
        if (owner != null && owner.length() > 200) {
            problems.add(new RuleViolationException("owner", "Lead officer must be 200 characters or fewer"));
        }
        if (d.directorateId() != null && !d.directorateId().equals(currentDirectorateId)
                && directorateOptions().stream().noneMatch(o -> o.value().equals(String.valueOf(d.directorateId())))) {
            problems.add(new RuleViolationException("directorateId", "Choose a directorate from the list"));
        }
        if (d.portfolioId() != null && !d.portfolioId().equals(currentPortfolioId)
                && portfolioOptions().stream().noneMatch(o -> o.value().equals(String.valueOf(d.portfolioId())))) {
            problems.add(new RuleViolationException("portfolioId", "Choose a portfolio from the list"));
        }
        if (d.targetDate() == null && level != Level.PRIORITY) {
            problems.add(new RuleViolationException("targetDate", "Enter the target date"));
        }
        if (d.completedOn() != null && level != Level.MILESTONE) {
            problems.add(new RuleViolationException("completedOn", "Only a milestone can be marked complete"));
        }
        if (d.completedOn() != null && d.completedOn().isAfter(today())) {
            problems.add(new RuleViolationException("completedOn", "Date completed must be today or in the past"));
        }
        return problems;
    }

    @Transactional
    public long create(Level level, Long parentId, ItemData d, String actor) {
        if (level == Level.PRIORITY ? parentId != null : parentId == null || parentLevel(parentId) != level.parent()) {
            throw new RuleViolationException(null, "A " + level.noun() + " must sit under a "
                    + (level.parent() == null ? "nothing" : level.parent().noun()));
        }
        throwFirst(problems(level, d, null, null));
        long id = jdbc.sql("""
                        insert into plan_item (level, parent_id, title, description, directorate_id, owner_name, portfolio_id,
                                               target_date, completed_on, created_by)
                        values (:level, :parent, :title, :description, :directorate, :owner, :portfolio, :target, :completed, :actor)
                        returning id""")
                .param("level", level.name()).param("parent", parentId).param("title", strip(d.title()))
                .param("description", strip(d.description())).param("directorate", d.directorateId())
                .param("owner", strip(d.owner())).param("portfolio", d.portfolioId()).param("target", d.targetDate())
                .param("completed", d.completedOn()).param("actor", actor)
                .query(Long.class).single();
        events.publishEvent(AuditEntry.of(actor, "plan-item.created", "plan_item", id)
                .detail(level.label() + ": " + strip(d.title())).build());
        return id;
    }

    @Transactional
    public void update(long id, ItemData d, long version, String actor) {
        Map<String, Object> old = jdbc.sql("""
                        select level, title, description, directorate_id, owner_name, portfolio_id, target_date, completed_on, version
                          from plan_item where id = :id for update""")
                .param("id", id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Plan item"));
        Level level = Level.valueOf((String) old.get("level"));
        throwFirst(problems(level, d, (Long) old.get("directorate_id"), (Long) old.get("portfolio_id")));
        long current = ((Number) old.get("version")).longValue();
        if (current != version) {
            throw new ConcurrentEditException(level.noun(), current);
        }
        jdbc.sql("""
                        update plan_item set title = :title, description = :description, directorate_id = :directorate,
                               owner_name = :owner, portfolio_id = :portfolio, target_date = :target, completed_on = :completed,
                               updated_at = now(), version = version + 1
                         where id = :id""")
                .param("title", strip(d.title())).param("description", strip(d.description()))
                .param("directorate", d.directorateId()).param("owner", strip(d.owner())).param("portfolio", d.portfolioId())
                .param("target", d.targetDate()).param("completed", d.completedOn()).param("id", id)
                .update();
        AuditEntry.Builder audit = AuditEntry.of(actor, "plan-item.updated", "plan_item", id);
        audit.change("title", old.get("title"), strip(d.title()));
        audit.change("description", old.get("description"), strip(d.description()));
        audit.change("directorate", old.get("directorate_id"), d.directorateId());
        audit.change("owner", old.get("owner_name"), strip(d.owner()));
        audit.change("portfolio", old.get("portfolio_id"), d.portfolioId());
        audit.change("target date", toDate(old.get("target_date")), d.targetDate());
        audit.change("completed on", toDate(old.get("completed_on")), d.completedOn());
        if (audit.hasChanges()) {
            events.publishEvent(audit.build());
        }
    }

    /** Every problem with a progress update at once. */
    public List<RuleViolationException> problems(UpdateData u, Level level) {
        List<RuleViolationException> problems = new ArrayList<>();
        if (u.on() != null && u.on().isAfter(today())) {
            problems.add(new RuleViolationException("on", "Date of the update must be today or in the past"));
        }
        if (Rag.of(u.rag()) == null) {
            problems.add(new RuleViolationException("rag", "Choose a RAG status"));
        }
        String progress = strip(u.progress());
        if (progress == null) {
            problems.add(new RuleViolationException("progress", "Enter the progress made"));
        } else if (progress.length() > 5000) {
            problems.add(new RuleViolationException("progress", "Progress must be 5,000 characters or fewer"));
        }
        if (u.complete() && level != Level.MILESTONE) {
            problems.add(new RuleViolationException("complete", "Only a milestone can be marked complete"));
        }
        return problems;
    }

    /**
     * Records a progress update. The item takes the update's RAG status when the update is its latest (an update
     * dated earlier than the latest one adds history without changing the current status).
     */
    @Transactional
    public void addUpdate(long id, UpdateData u, String actor) {
        String levelName = jdbc.sql("select level from plan_item where id = :id for update").param("id", id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("Plan item"));
        Level level = Level.valueOf(levelName);
        throwFirst(problems(u, level));
        LocalDate on = u.on() == null ? today() : u.on();
        LocalDate latest = jdbc.sql("select max(update_on) from plan_update where item_id = :id").param("id", id)
                .query(LocalDate.class).optional().orElse(null);
        Rag rag = Rag.of(u.rag());
        jdbc.sql("insert into plan_update (item_id, update_on, rag, progress, created_by) values (:id, :on, :rag, :progress, :actor)")
                .param("id", id).param("on", on).param("rag", rag.name()).param("progress", strip(u.progress()))
                .param("actor", actor).update();
        boolean newest = latest == null || !on.isBefore(latest);
        jdbc.sql("""
                        update plan_item set rag = case when :newest then :rag else rag end,
                               completed_on = case when :complete then coalesce(completed_on, :on) else completed_on end,
                               updated_at = now(), version = version + 1
                         where id = :id""")
                .param("newest", newest).param("rag", rag.name()).param("complete", u.complete()).param("on", on)
                .param("id", id).update();
        events.publishEvent(AuditEntry.of(actor, "plan-item.progress-recorded", "plan_item", id)
                .detail(on + ": " + rag.label() + (u.complete() ? ", complete" : "")).build());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }

    private static void throwFirst(List<RuleViolationException> problems) {
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    private static Object toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : value;
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
