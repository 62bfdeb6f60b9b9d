package org.mayorsoffice.casework.identity.web;

import jakarta.validation.constraints.NotBlank;

public class ChangePasswordForm {

    @NotBlank(message = "Enter your current password")
    private String currentPassword;

    @NotBlank(message = "Enter a new password")
    private String newPassword;

    @NotBlank(message = "Confirm your new password")
    private String confirmPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }

    /** Passwords are never sent back to the browser when the form is shown again. */
    void clearPasswords() {
        currentPassword = null;
        newPassword = null;
        confirmPassword = null;
    }
}
