package org.mayorsoffice.casework.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mayorsoffice.casework.identity.Role;

/** Adding a user (all fields) or changing one (username and passwords are not used). */
public class UserForm {

    interface Create {}

    @NotBlank(message = "Enter a username", groups = Create.class)
    @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$", groups = Create.class,
            message = "Username must be 3 to 64 characters: letters, numbers, full stops, hyphens and underscores")
    private String username;

    @NotBlank(message = "Enter the person's full name")
    @Size(max = 200, message = "Full name must be 200 characters or fewer")
    private String displayName;

    @Email(message = "Enter an email address in the correct format, like name@example.org")
    @Size(max = 320, message = "Email address must be 320 characters or fewer")
    private String email;

    private List<Role> roles = new ArrayList<>();

    private Long memberId;

    @NotBlank(message = "Enter a temporary password", groups = Create.class)
    private String password;

    private String confirmPassword;

    private long version;

    Set<Role> roleSet() {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles;
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

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

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
