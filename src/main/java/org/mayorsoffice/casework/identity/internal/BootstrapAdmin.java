package org.mayorsoffice.casework.identity.internal;

import java.util.EnumSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mayorsoffice.casework.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start of a real deployment: when there are no users at all and
 * CASEWORK_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD are set, creates that administrator, who must
 * change the password at first sign-in.
 */
@Component
@Order(30)
class BootstrapAdmin implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(BootstrapAdmin.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final String username;
    private final String password;

    BootstrapAdmin(AppUserRepository users, PasswordEncoder passwordEncoder,
            @Value("${casework.bootstrap-admin.username:}") String username,
            @Value("${casework.bootstrap-admin.password:}") String password) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank() || users.count() > 0) {
            return;
        }
        String name = username.trim().toLowerCase();
        PasswordPolicy.check("password", password, name);
        AppUser admin = new AppUser(name, "Administrator", null, passwordEncoder.encode(password));
        admin.setRoles(EnumSet.of(Role.ADMIN));
        admin.changePassword(admin.getPasswordHash(), true);
        users.save(admin);
        log.info("Created the first administrator, " + name + ": they must change the password at first sign-in");
    }
}
