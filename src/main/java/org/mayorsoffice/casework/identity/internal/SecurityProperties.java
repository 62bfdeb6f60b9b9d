package org.mayorsoffice.casework.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in rules: how many wrong passwords lock an account, and for how long. */
@ConfigurationProperties("casework.security")
public record SecurityProperties(Integer maxFailedAttempts, Duration lockout) {

    public SecurityProperties {
        if (maxFailedAttempts == null || maxFailedAttempts < 1) {
            maxFailedAttempts = 5;
        }
        if (lockout == null || lockout.isNegative() || lockout.isZero()) {
            lockout = Duration.ofMinutes(15);
        }
    }
}
