package org.mayorsoffice.casework.shared.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafetyCheckTest {

    @Test
    void refusesDefaultDatabasePasswordAndDemoData() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.password", "casework")
                .withProperty("casework.demo-data.enabled", "true");
        assertThatThrownBy(() -> new ProductionSafetyCheck(env))
                .isInstanceOf(UnsafeProductionConfigurationException.class)
                .hasMessageContaining("SPRING_DATASOURCE_PASSWORD")
                .hasMessageContaining("CASEWORK_DEMO_DATA_ENABLED");
    }

    @Test
    void refusesAWeakBootstrapAdminPassword() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.password", "s3cret-from-the-vault")
                .withProperty("casework.bootstrap-admin.password", "admin");
        assertThatThrownBy(() -> new ProductionSafetyCheck(env)).hasMessageContaining("CASEWORK_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @Test
    void acceptsRealSecrets() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.password", "s3cret-from-the-vault")
                .withProperty("casework.demo-data.enabled", "false");
        assertThatCode(() -> new ProductionSafetyCheck(env)).doesNotThrowAnyException();
    }
}
