package org.mayorsoffice.casework.identity;

/** The executive office a member holds. */
public enum MemberOffice {
    MAYOR("Mayor"),
    DEPUTY_MAYOR("Deputy Mayor"),
    CABINET_MEMBER("Cabinet Member");

    private final String label;

    MemberOffice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
