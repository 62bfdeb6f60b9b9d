package org.mayorsoffice.casework.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a case is in its lifecycle, and which moves are allowed from here. */
public enum CaseStatus {
    NEW("New", "blue"),
    ALLOCATED("Allocated", "light-blue"),
    IN_PROGRESS("In progress", "turquoise"),
    AWAITING_DIRECTORATE("Awaiting directorate", "purple"),
    AWAITING_RESIDENT("Awaiting resident", "pink"),
    DRAFT_RESPONSE("Draft response", "yellow"),
    AWAITING_APPROVAL("Awaiting approval", "orange"),
    RESPONSE_SENT("Response sent", "green"),
    CLOSED("Closed", "grey"),
    REOPENED("Reopened", "red");

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            NEW, EnumSet.of(ALLOCATED, CLOSED),
            ALLOCATED, EnumSet.of(IN_PROGRESS, CLOSED),
            IN_PROGRESS, EnumSet.of(AWAITING_DIRECTORATE, AWAITING_RESIDENT, DRAFT_RESPONSE, CLOSED),
            AWAITING_DIRECTORATE, EnumSet.of(IN_PROGRESS),
            AWAITING_RESIDENT, EnumSet.of(IN_PROGRESS),
            DRAFT_RESPONSE, EnumSet.of(AWAITING_APPROVAL, IN_PROGRESS),
            AWAITING_APPROVAL, EnumSet.of(RESPONSE_SENT, DRAFT_RESPONSE),
            RESPONSE_SENT, EnumSet.of(CLOSED),
            CLOSED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(IN_PROGRESS, CLOSED));

    private final String label;
    private final String colour;

    CaseStatus(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** GOV.UK tag colour for this status. */
    public String colour() {
        return colour;
    }

    public boolean canMoveTo(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses a user may choose next (allocation is done from the allocation form, not here). */
    public Set<CaseStatus> nextChoices() {
        EnumSet<CaseStatus> choices = EnumSet.copyOf(NEXT.get(this));
        choices.remove(ALLOCATED);
        return choices;
    }

    /**
     * The shortest chain of moves from here to {@code target} that passes only through working
     * statuses (never Allocated or Closed on the way); empty when already there, unreachable, or
     * when the case is closed (only a person reopens a case).
     */
    public java.util.List<CaseStatus> pathTo(CaseStatus target) {
        if (this == target || this == CLOSED) {
            return java.util.List.of();
        }
        Map<CaseStatus, CaseStatus> cameFrom = new java.util.EnumMap<>(CaseStatus.class);
        java.util.ArrayDeque<CaseStatus> queue = new java.util.ArrayDeque<>(java.util.List.of(this));
        while (!queue.isEmpty()) {
            CaseStatus at = queue.poll();
            for (CaseStatus next : NEXT.get(at)) {
                if (next == this || cameFrom.containsKey(next)) {
                    continue;
                }
                cameFrom.put(next, at);
                if (next == target) {
                    java.util.LinkedList<CaseStatus> path = new java.util.LinkedList<>();
                    for (CaseStatus step = target; step != this; step = cameFrom.get(step)) {
                        path.addFirst(step);
                    }
                    return path;
                }
                if (next != ALLOCATED && next != CLOSED) {
                    queue.add(next);
                }
            }
        }
        return java.util.List.of();
    }

    public boolean isOpen() {
        return this != CLOSED;
    }

    /** While awaiting the resident the deadline clock stops. */
    public boolean pausesClock() {
        return this == AWAITING_RESIDENT;
    }
}
