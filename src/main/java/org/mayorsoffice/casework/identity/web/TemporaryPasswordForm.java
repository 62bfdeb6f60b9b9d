package org.mayorsoffice.casework.identity.web;

import jakarta.validation.constraints.NotBlank;

public class TemporaryPasswordForm {

    @NotBlank(message = "Enter a temporary password")
    private String password;

    @NotBlank(message = "Confirm the temporary password")
    private String confirmPassword;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
