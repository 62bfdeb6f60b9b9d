package org.mayorsoffice.casework.identity.internal;

import java.util.Locale;
import java.util.Set;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

/** NCSC-style password rules: long, not obvious, not the username. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas", "passwordpassword",
            "letmein12345", "welcome12345", "changeme1234", "administrator");

    private PasswordPolicy() {}

    static void check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new RuleViolationException(field, "Password must be " + MIN_LENGTH + " characters or more");
        }
        if (password.length() > MAX_LENGTH) {
            throw new RuleViolationException(field, "Password must be " + MAX_LENGTH + " characters or fewer");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new RuleViolationException(field, "Password is too easy to guess: use three random words, for example");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new RuleViolationException(field, "Password must not contain the username");
        }
    }
}
