package org.mayorsoffice.casework.identity;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff user, as held in the session. */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final Set<Role> roles;
    private final Long memberId;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final boolean mustChangePassword;

    public CurrentUser(long id, String username, String displayName, String passwordHash, Set<Role> roles,
            Long memberId, boolean enabled, Instant lockedUntil, boolean mustChangePassword) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.memberId = memberId;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.mustChangePassword = mustChangePassword;
    }

    public CurrentUser withPasswordChanged() {
        return new CurrentUser(id, username, displayName, null, roles, memberId, enabled, lockedUntil, false);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long memberId() {
        return memberId;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The home page of the user's most senior role (the order of {@link Role}). */
    public String homePath() {
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                return role.homePath();
            }
        }
        return "/account";
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + ", roles=" + List.copyOf(roles) + "]";
    }
}
