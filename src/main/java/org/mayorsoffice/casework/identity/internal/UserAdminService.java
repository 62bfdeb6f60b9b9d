package org.mayorsoffice.casework.identity.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserViews.NewUser;
import org.mayorsoffice.casework.identity.internal.UserViews.UserChanges;
import org.mayorsoffice.casework.identity.internal.UserViews.UserDetail;
import org.mayorsoffice.casework.identity.internal.UserViews.UserRow;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of staff accounts: create, change roles, reset passwords, deactivate, unlock. */
@Service
@Transactional(readOnly = true)
public class UserAdminService {

    public static final int PAGE_SIZE = 25;

    private final AppUserRepository users;
    private final MemberRepository members;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdminService(AppUserRepository users, MemberRepository members, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.members = members;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** One page of users: two queries whatever the page size (ids, then users with roles and member). */
    public PageView<UserRow> page(int pageNumber) {
        Page<Long> ids = users.findPageOfIds(PageRequest.of(Math.max(pageNumber, 0), PAGE_SIZE));
        Map<Long, AppUser> byId = users.findWithRolesByIdIn(ids.getContent()).stream()
                .collect(Collectors.toMap(AppUser::getId, Function.identity()));
        List<UserRow> rows = ids.getContent().stream().map(byId::get).map(this::toRow).toList();
        return PageView.of(rows, ids.getNumber(), ids.getTotalPages(), ids.getTotalElements(), n -> "/admin/users?page=" + (n + 1));
    }

    public UserDetail get(long id) {
        AppUser user = users.findWithRolesById(id).orElseThrow(() -> new NotFoundException("User"));
        return new UserDetail(user.getId(), user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRoles(),
                user.getMember() == null ? null : user.getMember().getId(),
                user.getMember() == null ? null : user.getMember().getFullName(), user.isEnabled(),
                user.isLocked(clock.instant()), user.isMustChangePassword(), user.getLastSignInAt(), user.getCreatedAt(),
                user.getVersion());
    }

    @Transactional
    public long create(NewUser command, String actor) {
        String username = command.username().trim().toLowerCase();
        if (users.existsByUsername(username)) {
            throw new RuleViolationException("username", "A user with this username already exists");
        }
        checkRoles(command.roles(), command.memberId());
        PasswordPolicy.check("password", command.password(), username);
        AppUser user = new AppUser(username, command.displayName().trim(), blankToNull(command.email()),
                passwordEncoder.encode(command.password()));
        user.setRoles(command.roles());
        user.setMember(memberFor(command.roles(), command.memberId()));
        user.changePassword(user.getPasswordHash(), true);
        users.save(user);
        events.publishEvent(AuditEntry.of(actor, "user.created", "user", user.getId())
                .change("username", null, username)
                .change("roles", null, rolesText(command.roles()))
                .build());
        return user.getId();
    }

    @Transactional
    public void update(long id, UserChanges changes, String actor) {
        AppUser user = users.findWithRolesById(id).orElseThrow(() -> new NotFoundException("User"));
        if (user.getVersion() != changes.version()) {
            throw new ConcurrentEditException("user", user.getVersion());
        }
        checkRoles(changes.roles(), changes.memberId());
        if (user.getUsername().equals(actor) && user.getRoles().contains(Role.ADMIN) && !changes.roles().contains(Role.ADMIN)) {
            throw new RuleViolationException("roles", "You cannot remove your own Administrator role");
        }
        Member member = memberFor(changes.roles(), changes.memberId());
        AuditEntry.Builder audit = AuditEntry.of(actor, "user.updated", "user", id)
                .change("displayName", user.getDisplayName(), changes.displayName().trim())
                .change("email", user.getEmail(), blankToNull(changes.email()))
                .change("roles", rolesText(user.getRoles()), rolesText(changes.roles()))
                .change("member", user.getMember() == null ? null : user.getMember().getFullName(),
                        member == null ? null : member.getFullName());
        user.setDisplayName(changes.displayName().trim());
        user.setEmail(blankToNull(changes.email()));
        user.setRoles(changes.roles());
        user.setMember(member);
        if (audit.hasChanges()) {
            events.publishEvent(audit.build());
        }
    }

    /** Sets a temporary password the user must change at next sign-in; also unlocks the account. */
    @Transactional
    public void resetPassword(long id, String temporaryPassword, String actor) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
        PasswordPolicy.check("password", temporaryPassword, user.getUsername());
        user.changePassword(passwordEncoder.encode(temporaryPassword), true);
        user.unlock();
        events.publishEvent(AuditEntry.of(actor, "user.password-reset", "user", id).build());
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, String actor) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
        if (!enabled && user.getUsername().equals(actor)) {
            throw new RuleViolationException(null, "You cannot deactivate your own account");
        }
        if (user.isEnabled() != enabled) {
            user.setEnabled(enabled);
            events.publishEvent(AuditEntry.of(actor, enabled ? "user.reactivated" : "user.deactivated", "user", id)
                    .change("enabled", !enabled, enabled)
                    .build());
        }
    }

    @Transactional
    public void unlock(long id, String actor) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
        user.unlock();
        events.publishEvent(AuditEntry.of(actor, "user.unlocked", "user", id).build());
    }

    private void checkRoles(Set<Role> roles, Long memberId) {
        if (roles == null || roles.isEmpty()) {
            throw new RuleViolationException("roles", "Select at least one role");
        }
        if (roles.contains(Role.MEMBER) && memberId == null) {
            throw new RuleViolationException("memberId", "Select the member this user signs in as");
        }
    }

    private Member memberFor(Set<Role> roles, Long memberId) {
        if (!roles.contains(Role.MEMBER) || memberId == null) {
            return null;
        }
        return members.findById(memberId).orElseThrow(() -> new RuleViolationException("memberId", "Select a member from the list"));
    }

    private UserRow toRow(AppUser user) {
        String status;
        String colour;
        if (!user.isEnabled()) {
            status = "Deactivated";
            colour = "grey";
        } else if (user.isLocked(clock.instant())) {
            status = "Locked";
            colour = "red";
        } else if (user.isMustChangePassword()) {
            status = "Password change due";
            colour = "yellow";
        } else {
            status = "Active";
            colour = "green";
        }
        return new UserRow(user.getId(), user.getUsername(), user.getDisplayName(), rolesText(user.getRoles()),
                user.getMember() == null ? "" : user.getMember().getFullName(), status, colour);
    }

    static String rolesText(Set<Role> roles) {
        Set<Role> sorted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        return sorted.stream().sorted(Comparator.naturalOrder()).map(Role::label).collect(Collectors.joining(", "));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
