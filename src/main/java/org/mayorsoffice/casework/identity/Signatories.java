package org.mayorsoffice.casework.identity;

import java.util.List;
import java.util.Optional;

/**
 * Who signs and who approves: a member as a letter's signatory (name, office, portfolios) and the staff
 * users who act for members or hold a role. Used by draft responses.
 */
public interface Signatories {

    /** A member as the signatory of a letter; {@code portfolios} are the active ones they hold, by name. */
    record Signatory(long memberId, String name, MemberOffice office, List<String> portfolios) {}

    /** An enabled staff user. */
    record StaffUser(long userId, String displayName, String email, Long memberId) {}

    Optional<Signatory> signatory(long memberId);

    /** Enabled users who sign in as this member (holding the Member role). */
    List<StaffUser> usersOfMember(long memberId);

    /** Enabled users holding this role, by name. */
    List<StaffUser> usersWithRole(Role role);

    /** The enabled user with this id. */
    Optional<StaffUser> user(long userId);
}
