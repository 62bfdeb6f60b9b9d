package org.mayorsoffice.casework.shared.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * A page view reads its session from the database once, not twice. Spring Session saves the session when the
 * response is committed (a page larger than the response buffer, a redirect) and again when its filter finishes; the
 * second save looks the session up again to compare ids, which is a second transaction and a second deserialisation
 * on nearly every request. Within one request (the {@link #scope() filter} just outside Spring Session's), a session
 * just saved is answered from memory when it is looked up again. Nothing is kept between requests.
 */
final class SessionReadOnce {

    /** Sessions saved during the current request, by id; null outside a request. */
    private static final ThreadLocal<Map<String, Session>> SAVED = new ThreadLocal<>();

    private SessionReadOnce() {}

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
                    if (saved != null && method.equals("findById") && args.length == 1
                            && args[0] instanceof String id && saved.containsKey(id)) {
                        return saved.get(id);
                    }
                    Object result = invocation.proceed();
                    if (saved != null && method.equals("save") && args.length == 1 && args[0] instanceof Session s) {
                        saved.put(s.getId(), s);
                    } else if (saved != null && method.equals("deleteById")) {
                        saved.clear();
                    }
                    return result;
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    /** The request scope of the memory: placed just outside Spring Session's filter. */
    static OncePerRequestFilter scope() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Map<String, Session> outer = SAVED.get();
                SAVED.set(new HashMap<>());
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (outer == null) {
                        SAVED.remove();
                    } else {
                        SAVED.set(outer);
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
