package org.mayorsoffice.casework.plan.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.mayorsoffice.casework.plan.internal.PlanEnums.Level;
import org.mayorsoffice.casework.plan.internal.PlanEnums.Rag;

/** What the plan pages show, assembled in the service. */
public final class PlanViews {

    private PlanViews() {}

    /**
     * One priority, commitment or milestone with its latest progress update.
     *
     * @param overdue not complete and its target date is before today
     */
    public record ItemRow(long id, Level level, Long parentId, String title, Long directorateId, String directorate,
            String owner, Long portfolioId, String portfolio, LocalDate targetDate, Rag rag, LocalDate completedOn,
            LocalDate latestUpdateOn, String latestUpdate, boolean overdue) {

        public boolean complete() {
            return completedOn != null;
        }

        /** "Complete", or the RAG rating, e.g. "Amber". */
        public String statusLabel() {
            return complete() ? "Complete" : rag.label();
        }

        public String statusClass() {
            return complete() ? "govuk-tag--blue" : rag.tagClass();
        }

        /** "Housing & Regeneration: Jo Smith", whichever parts are recorded, or "Not recorded". */
        public String ownerLabel() {
            if (directorate == null && owner == null) {
                return "Not recorded";
            }
            return directorate == null ? owner : owner == null ? directorate : directorate + ": " + owner;
        }
    }

    /** An item and what sits under it. */
    public record Node(ItemRow item, List<Node> children) {}

    /** The number of milestones by status, for the plan's headline. */
    public record MilestoneCounts(long green, long amber, long red, long complete, long overdue) {

        public long total() {
            return green + amber + red + complete;
        }
    }

    public record PlanPage(List<Node> priorities, MilestoneCounts milestones, LocalDate today) {}

    /** One dated progress update; {@code recordedAt} in London time. */
    public record UpdateRow(LocalDate on, Rag rag, String progress, String by, LocalDateTime recordedAt) {}

    /** A link to an item above this one. */
    public record Crumb(long id, Level level, String title) {}

    public record ItemDetail(ItemRow item, String description, long version, List<Crumb> ancestors,
            List<ItemRow> children, List<UpdateRow> updates) {}

    /** A milestone in the delivery plan, with the commitment and priority it serves. */
    public record DeliveryRow(ItemRow milestone, String commitment, String priority) {}

    /**
     * The delivery plan for a financial-year quarter or a whole financial year (April to March).
     *
     * @param carriedForward milestones due before the period and still not complete (shown while the period is current)
     */
    public record DeliveryPage(DeliveryPeriod period, List<DeliveryRow> due, List<DeliveryRow> carriedForward,
            MilestoneCounts counts, LocalDate today) {}
}
