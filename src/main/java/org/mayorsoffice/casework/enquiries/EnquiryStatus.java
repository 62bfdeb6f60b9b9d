package org.mayorsoffice.casework.enquiries;

/** Where a members' enquiry is: waiting for the directorate, answered, or withdrawn by the office. */
public enum EnquiryStatus {
    OPEN("Open", "blue"),
    ANSWERED("Answered", "green"),
    WITHDRAWN("Withdrawn", "grey");

    private final String label;
    private final String colour;

    EnquiryStatus(String label, String colour) {
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
