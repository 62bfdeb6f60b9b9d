package org.mayorsoffice.casework.identity;

/** What a staff user may do. A user may hold several roles. */
public enum Role {
    ADMIN("Administrator", "/admin"),
    HEAD_OF_OFFICE("Head of office", "/home/head-of-office"),
    COORDINATOR("Casework coordinator", "/home/coordinator"),
    CABINET_SUPPORT_OFFICER("Cabinet support officer", "/home/support-officer"),
    MEMBER("Member (Mayor, deputy mayor or cabinet member)", "/home/member"),
    CASEWORKER("Caseworker", "/home/caseworker");

    private final String label;
    private final String homePath;

    Role(String label, String homePath) {
        this.label = label;
        this.homePath = homePath;
    }

    public String label() {
        return label;
    }

    /** The page this role lands on after sign-in. */
    public String homePath() {
        return homePath;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
