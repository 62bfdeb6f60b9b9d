package org.mayorsoffice.casework.support;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Points the application at this run's {@link TestDatabase}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    JdbcConnectionDetails jdbcConnectionDetails() {
        TestDatabase database = TestDatabase.get();
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return database.url();
            }

            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }
        };
    }
}
