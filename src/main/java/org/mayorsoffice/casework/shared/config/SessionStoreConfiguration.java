package org.mayorsoffice.casework.shared.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in PostgreSQL (Spring Session JDBC): saving a session is made safe to repeat. A streamed download
 * writes its body on another thread, and both that thread (when the response is committed) and the request thread
 * (when its filter chain returns) save the session; when the session was created by that request, both would
 * insert it. Here the insert of the session does nothing when the row is already there, and attributes are upserted
 * (PostgreSQL's {@code ON CONFLICT}), so the second save is harmless instead of a duplicate-key error.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> repeatableSessionSaves() {
        return repository -> {
            repository.setCreateSessionQuery("""
                    INSERT INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL,
                                              EXPIRY_TIME, PRINCIPAL_NAME)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """);
            repository.setCreateSessionAttributeQuery("""
                    INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                    VALUES (?, ?, ?)
                    ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
                    """);
        };
    }
}
