package org.mayorsoffice.casework.shared.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile, refuses to start while any secret still has a default or empty
 * value, or while demo data would be loaded.
 */
@Component
@Profile("prod")
class ProductionSafetyCheck {

    static final Set<String> DEFAULT_SECRETS = Set.of("", "casework", "postgres", "password", "changeme", "admin");

    ProductionSafetyCheck(Environment env) {
        List<String> problems = new ArrayList<>();
        String dbPassword = env.getProperty("spring.datasource.password", "");
        if (DEFAULT_SECRETS.contains(dbPassword.toLowerCase())) {
            problems.add("SPRING_DATASOURCE_PASSWORD is empty or a default value");
        }
        String adminPassword = env.getProperty("casework.bootstrap-admin.password");
        if (adminPassword != null && (DEFAULT_SECRETS.contains(adminPassword.toLowerCase()) || adminPassword.length() < 12)) {
            problems.add("CASEWORK_BOOTSTRAP_ADMIN_PASSWORD is a default value or shorter than 12 characters");
        }
        if (env.getProperty("casework.demo-data.enabled", Boolean.class, false)) {
            problems.add("CASEWORK_DEMO_DATA_ENABLED is true (demo users have published passwords)");
        }
        if (!problems.isEmpty()) {
            throw new UnsafeProductionConfigurationException(problems);
        }
    }
}
