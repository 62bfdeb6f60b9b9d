package org.mayorsoffice.casework.identity.internal;

import java.time.Instant;
import java.util.Set;
import org.mayorsoffice.casework.identity.Role;

/** Records the user administration pages show and accept; assembled inside transactions. */
public final class UserViews {

    private UserViews() {}

    public record UserRow(long id, String username, String displayName, String roles, String member, String status,
            String statusColour) {}

    public record UserDetail(long id, String username, String displayName, String email, Set<Role> roles,
            Long memberId, String memberName, boolean enabled, boolean locked, boolean mustChangePassword,
            Instant lastSignInAt, Instant createdAt, long version) {}

    public record NewUser(String username, String displayName, String email, Set<Role> roles, Long memberId,
            String password) {}

    public record UserChanges(String displayName, String email, Set<Role> roles, Long memberId, long version) {}
}
