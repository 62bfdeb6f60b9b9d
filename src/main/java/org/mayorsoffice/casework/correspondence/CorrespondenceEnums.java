package org.mayorsoffice.casework.correspondence;

import org.mayorsoffice.casework.cases.CaseEnums;

/** The small closed vocabularies of the correspondence register, each with the label users see. */
public final class CorrespondenceEnums {

    private CorrespondenceEnums() {}

    public enum Direction {
        IN("Incoming"), OUT("Outgoing");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Channel {
        EMAIL("Email", CaseEnums.Channel.EMAIL), LETTER("Letter", CaseEnums.Channel.LETTER),
        PHONE("Phone call", CaseEnums.Channel.PHONE), SURGERY("Surgery note", CaseEnums.Channel.SURGERY),
        SOCIAL_MEDIA("Social media message", CaseEnums.Channel.SOCIAL_MEDIA);

        private final String label;
        private final CaseEnums.Channel caseChannel;

        Channel(String label, CaseEnums.Channel caseChannel) {
            this.label = label;
            this.caseChannel = caseChannel;
        }

        public String label() {
            return label;
        }

        /** How a case opened from an item of this channel came in. */
        public CaseEnums.Channel caseChannel() {
            return caseChannel;
        }
    }

    /** Where an item went. Incoming items start {@code IN_TRIAGE} and are distributed once. */
    public enum Status {
        IN_TRIAGE("In triage", "yellow"), ATTACHED("Attached to a case", "green"), NEW_CASE("New case opened", "green"),
        NO_ACTION("No action", "grey"), THREADED("Threaded onto a case", "turquoise"), CAMPAIGN("Campaign", "purple"),
        SENT("Sent", "blue");

        private final String label;
        private final String colour;

        Status(String label, String colour) {
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
