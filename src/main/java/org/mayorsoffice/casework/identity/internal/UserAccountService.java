package org.mayorsoffice.casework.identity.internal;

import java.time.Clock;
import java.time.Instant;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-in for staff: loads users, counts failures, locks and unlocks, changes own password. */
@Service
@Transactional(readOnly = true)
public class UserAccountService implements UserDetailsService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SecurityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAccountService(AppUserRepository users, PasswordEncoder passwordEncoder, SecurityProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase();
        return users.findWithRolesByUsername(normalised)
                .map(UserAccountService::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Transactional
    public void recordFailedSignIn(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase();
        users.findByUsername(normalised).ifPresent(user -> {
            Instant now = clock.instant();
            if (user.isLocked(now)) {
                return;
            }
            boolean locked = user.recordFailedSignIn(now, properties.maxFailedAttempts(), properties.lockout());
            events.publishEvent(AuditEntry.of(normalised, locked ? "sign-in.locked" : "sign-in.failed", "user", user.getId())
                    .detail(locked ? "Account locked after " + user.getFailedAttempts() + " failed attempts" : null)
                    .build());
        });
    }

    @Transactional
    public void recordSuccessfulSignIn(String username) {
        users.findByUsername(username).ifPresent(user -> {
            users.recordSuccessfulSignIn(user.getId(), clock.instant());
            events.publishEvent(AuditEntry.of(username, "sign-in.succeeded", "user", user.getId()).build());
        });
    }

    @Transactional
    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        AppUser user = users.findById(userId).orElseThrow(() -> new RuleViolationException(null, "Your account no longer exists"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new RuleViolationException("currentPassword", "Current password is not right");
        }
        PasswordPolicy.check("newPassword", newPassword, user.getUsername());
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw new RuleViolationException("newPassword", "New password must be different from your current password");
        }
        user.changePassword(passwordEncoder.encode(newPassword), false);
        events.publishEvent(AuditEntry.of(user.getUsername(), "password.changed", "user", user.getId()).build());
    }

    static CurrentUser toCurrentUser(AppUser user) {
        return new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getPasswordHash(),
                user.getRoles(), user.getMember() == null ? null : user.getMember().getId(), user.isEnabled(),
                user.getLockedUntil(), user.isMustChangePassword());
    }
}
