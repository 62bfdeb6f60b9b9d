package org.mayorsoffice.casework.shared.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page view reads its session from the database once, not twice, and writes it only when it changed. Spring Session
 * saves the session when the response is committed (a page larger than the response buffer, a redirect) and again
 * when its filter finishes; the second save looks the session up again to compare ids, which is a second transaction
 * and a second deserialisation on nearly every request. Within one request (the {@link #scope() filter} just outside
 * Spring Session's), a session just saved is answered from memory when it is looked up again. Nothing is kept between
 * requests.
 *
 * <p>Two more savings on every page view (four round trips in all). The read is a single statement, so it runs without a
 * transaction of its own ({@link #reading()}, see {@code SessionStoreConfiguration}). And Spring Session marks every
 * session it reads as changed (its access time moved), so each save sent an UPDATE in a transaction even when the
 * row's condition ({@link SessionStoreConfiguration#ACCESS_TIME_GRANULARITY_MS}) then left it alone: here a save is
 * not sent at all when nothing but the access time changed and the stored one is less than that old, the same rule
 * the UPDATE applies.
 */
final class SessionReadOnce {

    /** Sessions saved during the current request, by id; null outside a request. */
    private static final ThreadLocal<Map<String, Session>> SAVED = new ThreadLocal<>();

    /** The access time and timeout of each session as read from the database in the current request, by id. */
    private static final ThreadLocal<Map<String, Stored>> READ = new ThreadLocal<>();

    /** Whether the current thread is reading a session (a single statement: no transaction needed). */
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private record Stored(Instant lastAccessed, Duration maxInactive) {}

    /** Spring Session's own record of what changed in a session (package-private there); null if it cannot be read. */
    private static final Method IS_NEW = changeFlag("isNew");
    private static final Method DELTA = changeFlag("getDelta");

    private SessionReadOnce() {}

    static boolean reading() {
        return Boolean.TRUE.equals(READING.get());
    }

    /** Wraps the JDBC session repository so a lookup of a session saved in this request needs no query. */
    static BeanPostProcessor repositoryWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JdbcIndexedSessionRepository)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    String method = invocation.getMethod().getName();
                    Object[] args = invocation.getArguments();
                    Map<String, Session> saved = SAVED.get();
                    if (saved != null && method.equals("findById") && args.length == 1 && args[0] instanceof String id) {
                        if (saved.containsKey(id)) {
                            return saved.get(id);
                        }
                        Object found = read(invocation);
                        if (found instanceof Session s) {
                            READ.get().put(s.getId(), new Stored(s.getLastAccessedTime(), s.getMaxInactiveInterval()));
                        }
                        return found;
                    }
                    if (saved != null && method.equals("save") && args.length == 1 && args[0] instanceof Session s) {
                        if (!onlyAccessTimeMovedLittle(s)) {
                            invocation.proceed();
                        }
                        saved.put(s.getId(), s);
                        return null;
                    }
                    if (saved != null && method.equals("deleteById")) {
                        saved.clear();
                        READ.get().clear();
                    }
                    return invocation.proceed();
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    private static Object read(org.aopalliance.intercept.MethodInvocation invocation) throws Throwable {
        READING.set(Boolean.TRUE);
        try {
            return invocation.proceed();
        } finally {
            READING.remove();
        }
    }

    /**
     * Whether saving the session would write nothing: read in this request under the same id, not new, no attribute
     * changed, the same timeout, and the access time moved on less than the granularity since the stored one.
     */
    private static boolean onlyAccessTimeMovedLittle(Session session) {
        Stored stored = READ.get().get(session.getId());
        if (stored == null || IS_NEW == null || DELTA == null || !session.getMaxInactiveInterval().equals(stored.maxInactive())) {
            return false;
        }
        try {
            if ((Boolean) IS_NEW.invoke(session) || !((Map<?, ?>) DELTA.invoke(session)).isEmpty()) {
                return false;
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
        return Duration.between(stored.lastAccessed(), session.getLastAccessedTime()).toMillis()
                < SessionStoreConfiguration.ACCESS_TIME_GRANULARITY_MS;
    }

    private static Method changeFlag(String name) {
        try {
            Method method = Class.forName(JdbcIndexedSessionRepository.class.getName() + "$JdbcSession").getDeclaredMethod(name);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A later Spring Session without these: every save is sent, as Spring Session does.
            return null;
        }
    }

    /** The request scope of the memory: placed just outside Spring Session's filter. */
    static OncePerRequestFilter scope() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Map<String, Session> outer = SAVED.get();
                Map<String, Stored> outerRead = READ.get();
                SAVED.set(new HashMap<>());
                READ.set(new HashMap<>());
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (outer == null) {
                        SAVED.remove();
                        READ.remove();
                    } else {
                        SAVED.set(outer);
                        READ.set(outerRead);
                    }
                }
            }

            @Override
            protected boolean shouldNotFilterAsyncDispatch() {
                return false;
            }
        };
    }

    static int order() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 1;
    }
}
