package org.mayorsoffice.casework.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mayorsoffice.casework.identity.MemberOffice;

public class MemberForm {

    @NotBlank(message = "Enter the member's full name")
    @Size(max = 200, message = "Full name must be 200 characters or fewer")
    private String fullName;

    @NotNull(message = "Select the member's office")
    private MemberOffice office;

    @Email(message = "Enter an email address in the correct format, like name@example.org")
    @Size(max = 320, message = "Email address must be 320 characters or fewer")
    private String email;

    private boolean active = true;

    private long version;

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public MemberOffice getOffice() {
        return office;
    }

    public void setOffice(MemberOffice office) {
        this.office = office;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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
