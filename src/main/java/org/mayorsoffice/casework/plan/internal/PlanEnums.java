package org.mayorsoffice.casework.plan.internal;

/** The plan's levels and RAG ratings. */
public final class PlanEnums {

    private PlanEnums() {}

    /** Priorities hold commitments; commitments hold milestones. */
    public enum Level {
        PRIORITY("Priority", "priority"),
        COMMITMENT("Commitment", "commitment"),
        MILESTONE("Milestone", "milestone");

        private final String label;
        private final String noun;

        Level(String label, String noun) {
            this.label = label;
            this.noun = noun;
        }

        public String label() {
            return label;
        }

        /** Lower case, for sentences: "Add a milestone". */
        public String noun() {
            return noun;
        }

        /** The level of this level's children, or null for milestones. */
        public Level child() {
            return this == PRIORITY ? COMMITMENT : this == COMMITMENT ? MILESTONE : null;
        }

        /** The level a parent must have, or null for priorities. */
        public Level parent() {
            return this == MILESTONE ? COMMITMENT : this == COMMITMENT ? PRIORITY : null;
        }
    }

    /** Red, amber, green: off track, at risk, on track. */
    public enum Rag {
        GREEN("Green", "On track", "govuk-tag--green"),
        AMBER("Amber", "At risk", "govuk-tag--yellow"),
        RED("Red", "Off track", "govuk-tag--red");

        private final String label;
        private final String meaning;
        private final String tagClass;

        Rag(String label, String meaning, String tagClass) {
            this.label = label;
            this.meaning = meaning;
            this.tagClass = tagClass;
        }

        public String label() {
            return label;
        }

        public String meaning() {
            return meaning;
        }

        public String tagClass() {
            return tagClass;
        }

        /** The rating named by a form value, or null. */
        public static Rag of(String value) {
            for (Rag rag : values()) {
                if (rag.name().equals(value)) {
                    return rag;
                }
            }
            return null;
        }
    }
}
