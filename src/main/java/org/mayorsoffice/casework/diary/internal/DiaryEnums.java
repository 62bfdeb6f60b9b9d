package org.mayorsoffice.casework.diary.internal;

/** The small closed vocabularies of the diary, each with the label users see. */
public final class DiaryEnums {

    private DiaryEnums() {}

    public enum EngagementKind {
        INTERNAL_MEETING("Internal meeting"), EXTERNAL_MEETING("External meeting"), VISIT("Visit"), EVENT("Event"),
        SURGERY("Surgery"), COUNCIL_MEETING("Council or cabinet meeting"), MEDIA("Media");

        private final String label;

        EngagementKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum EngagementStatus {
        REQUESTED("Requested", "grey"), TENTATIVE("Tentative", "yellow"), CONFIRMED("Confirmed", "green"),
        DECLINED("Declined", "red"), CANCELLED("Cancelled", "red");

        private final String label;
        private final String colour;

        EngagementStatus(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }

        /** Whether the member is expected to be there (it shows in "My week" and the calendar feed). */
        public boolean live() {
            return this != DECLINED && this != CANCELLED;
        }
    }

    public enum RequirementKind {
        ROOM_BOOKING("Room booking"), EQUIPMENT("Equipment"), REFRESHMENTS("Refreshments"), TRANSPORT("Transport");

        private final String label;

        RequirementKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum InvitationStatus {
        AWAITING_DECISION("Awaiting decision", "yellow"), ACCEPTED("Accepted", "green"), DECLINED("Declined", "grey");

        private final String label;
        private final String colour;

        InvitationStatus(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }
    }

    public enum BriefingKind {
        BRIEFING_NOTE("Briefing note"), SPEECH("Speech"), SPEAKING_NOTES("Speaking notes"), QA_LINES("Q&A lines"),
        BACKGROUND_PAPER("Background paper");

        private final String label;

        BriefingKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Commissioned, then drafted, then cleared, then ready; a step may be repeated back (a draft sent back). */
    public enum BriefingStatus {
        COMMISSIONED("Commissioned", "grey"), DRAFTED("Drafted", "blue"), CLEARED("Cleared", "turquoise"),
        READY("Ready", "green");

        private final String label;
        private final String colour;

        BriefingStatus(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }
    }
}
