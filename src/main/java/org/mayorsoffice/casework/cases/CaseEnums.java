package org.mayorsoffice.casework.cases;

/** The small closed vocabularies of a case, each with the label users see. */
public final class CaseEnums {

    private CaseEnums() {}

    public enum Channel {
        EMAIL("Email"), LETTER("Letter"), PHONE("Phone"), SURGERY("Surgery"), WALK_IN("Walk-in"),
        SOCIAL_MEDIA("Social media"), REFERRAL("Referral");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Priority {
        NORMAL("Normal"), HIGH("High"), URGENT("Urgent");

        private final String label;

        Priority(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Confidentiality {
        STANDARD("Standard", "Seen by office staff who work on casework"),
        SENSITIVE("Sensitive", "Seen by office staff; every view is recorded"),
        RESTRICTED("Restricted", "Seen only by its caseworker, people on its access list and the head of office");

        private final String label;
        private final String hint;

        Confidentiality(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }

        public String label() {
            return label;
        }

        public String hint() {
            return hint;
        }
    }

    public enum Outcome {
        RESOLVED("Resolved"), NOT_UPHELD("Not upheld"), REFERRED("Referred"), WITHDRAWN("Withdrawn"),
        NO_FURTHER_ACTION("No further action");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** UK GDPR Article 6 lawful basis for processing. */
    public enum LawfulBasis {
        PUBLIC_TASK("Public task"), CONSENT("Consent"), LEGAL_OBLIGATION("Legal obligation"),
        VITAL_INTERESTS("Vital interests"), CONTRACT("Contract"), LEGITIMATE_INTERESTS("Legitimate interests");

        private final String label;

        LawfulBasis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
