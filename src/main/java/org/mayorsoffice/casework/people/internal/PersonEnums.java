package org.mayorsoffice.casework.people.internal;

/** The fixed choices on a person's record, each with the label the pages show. */
public final class PersonEnums {

    private PersonEnums() {}

    /** Who the correspondent is. */
    public enum PersonKind {
        RESIDENT("Resident"),
        ORGANISATION("Organisation or community group"),
        MP("MP"),
        COUNCILLOR("Councillor"),
        OTHER_BODY("Other public body or agency");

        private final String label;

        PersonKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Organisations and bodies are known by their name; people by their own. */
        public boolean isOrganisation() {
            return this == ORGANISATION || this == OTHER_BODY;
        }
    }

    /** How the person would like the office to contact them. */
    public enum PreferredContact {
        EMAIL("Email"),
        PHONE("Phone"),
        LETTER("Letter"),
        NO_PREFERENCE("No preference");

        private final String label;

        PreferredContact(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How consent to share their details with council services was given. */
    public enum ConsentMethod {
        IN_WRITING("In writing (signed letter or form)"),
        VERBAL("Verbally (by phone or in person)"),
        EMAIL("By email"),
        ONLINE_FORM("Online form");

        private final String label;

        ConsentMethod(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
