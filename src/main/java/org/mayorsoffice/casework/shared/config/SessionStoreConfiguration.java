package org.mayorsoffice.casework.shared.config;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions in PostgreSQL (Spring Session JDBC): saving a session is made safe to repeat. A streamed download
 * writes its body on another thread, and both that thread (when the response is committed) and the request thread
 * (when its filter chain returns) save the session; when the session was created by that request, both would
 * insert it. Here the insert of the session does nothing when the row is already there, and attributes are upserted
 * (PostgreSQL's {@code ON CONFLICT}), so the second save is harmless instead of a duplicate-key error.
 *
 * <p>Spring Session marks a session changed on every request (its last-access time moves) and writes the row each
 * time: one UPDATE, a WAL record and a dead tuple per page view. Here the row is written only when something other
 * than the access time changed (the id after sign-in, the principal, the timeout) or the stored access time is at
 * least {@link #ACCESS_TIME_GRANULARITY_MS} old, so an idle session may expire up to a minute earlier than its
 * 30-minute timeout. Attribute changes (sign-in, CSRF token) are saved as before.
 *
 * <p>Reading a session runs without a transaction (one statement, see {@link SessionReadOnce}); saving one is a plain
 * JDBC transaction ({@link #springSessionTransactionOperations}), not a JPA one (which opens a Hibernate session each
 * time), and the principal-name index is read directly from the security context instead of through a SpEL
 * expression: both ran on every request.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** How stale the stored last-access time may get before a request writes it again. */
    static final long ACCESS_TIME_GRANULARITY_MS = 60_000;

    /** The application's own transaction template (JPA), kept as the one injected by type. */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /**
     * Spring Session's transactions, each on its own (as Spring Session expects): plain JDBC when the request has no
     * transaction open (nearly always), or through the application's transaction manager when a session is saved
     * while one is (a download streamed from inside a read-only transaction commits the response, and with it a new
     * session, there): that manager suspends the open transaction and its connection properly.
     */
    @Bean("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(DataSource dataSource, PlatformTransactionManager transactionManager) {
        TransactionTemplate jdbc = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        TransactionTemplate application = new TransactionTemplate(transactionManager);
        application.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                if (SessionReadOnce.reading()) {
                    // Reading a session is one statement: no BEGIN and COMMIT around it.
                    return TransactionOperations.withoutTransaction().execute(action);
                }
                boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive()
                        || TransactionSynchronizationManager.hasResource(dataSource);
                return (inTransaction ? application : jdbc).execute(action);
            }
        };
    }

    /** The signed-in user's name for the principal index (who has which sessions). */
    static final IndexResolver<Session> PRINCIPAL_NAME = session -> {
        String name = session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
        if (name == null) {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            Authentication authentication = context instanceof SecurityContext sc ? sc.getAuthentication() : null;
            name = authentication == null ? null : authentication.getName();
        }
        return name == null ? Map.of() : Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, name);
    };

    /** See {@link SessionReadOnce}: the session is read once per request. */
    @Bean
    static BeanPostProcessor sessionReadOnceRepository() {
        return SessionReadOnce.repositoryWrapper();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionReadOnceScope() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(SessionReadOnce.scope());
        registration.setOrder(SessionReadOnce.order());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> repeatableSessionSaves() {
        return repository -> {
            repository.setIndexResolver(PRINCIPAL_NAME);
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
            // Same parameters, in the same order, as Spring Session's own update.
            repository.setUpdateSessionQuery("""
                    UPDATE %TABLE_NAME% s
                       SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access, MAX_INACTIVE_INTERVAL = v.max_inactive,
                           EXPIRY_TIME = v.expiry, PRINCIPAL_NAME = v.principal
                      FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT),
                                    CAST(? AS VARCHAR(100)), CAST(? AS CHAR(36))))
                           AS v(session_id, last_access, max_inactive, expiry, principal, primary_id)
                     WHERE s.PRIMARY_ID = v.primary_id
                       AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive
                            OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal
                            OR v.last_access - s.LAST_ACCESS_TIME >= :granularity)
                    """.replace(":granularity", String.valueOf(ACCESS_TIME_GRANULARITY_MS)));
        };
    }
}
