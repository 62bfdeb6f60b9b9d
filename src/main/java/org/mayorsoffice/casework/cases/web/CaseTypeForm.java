package org.mayorsoffice.casework.cases.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Adding or changing a case type. Targets are typed as text so that "7 days" gets a message, not a binding error. */
public class CaseTypeForm {

    /** Blank passes (NotBlank reports it); otherwise digits only, with spaces around allowed. */
    private static final String WHOLE_NUMBER = "^\\s*([0-9]+\\s*)?$";

    @NotBlank(message = "Enter the name of the case type")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String name;

    @NotBlank(message = "Enter the internal target")
    @Pattern(regexp = WHOLE_NUMBER, message = "Internal target must be a whole number from 1 to 200")
    private String internalTargetDays;

    @NotBlank(message = "Enter the response target")
    @Pattern(regexp = WHOLE_NUMBER, message = "Response target must be a whole number from 1 to 200")
    private String externalTargetDays;

    private boolean active = true;

    private long version;

    /** The typed number of days; out of range (and refused by the rules) when too long to be sensible. */
    static int days(String typed) {
        String digits = typed.strip();
        return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInternalTargetDays() {
        return internalTargetDays;
    }

    public void setInternalTargetDays(String internalTargetDays) {
        this.internalTargetDays = internalTargetDays;
    }

    public String getExternalTargetDays() {
        return externalTargetDays;
    }

    public void setExternalTargetDays(String externalTargetDays) {
        this.externalTargetDays = externalTargetDays;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
