package org.mayorsoffice.casework.shared.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Thymeleaf's page view, reading the page's variables from the request that holds them. Thymeleaf keeps a page's
 * model in request attributes and looks each variable up there every time an expression uses it; by the time a page
 * renders, the request has passed through five wrappers (the security filters', the session's, the firewall's), none
 * of which does anything with attributes but hand the call on. Here the page is rendered with a request whose
 * attribute calls go straight to the first request in the chain that keeps attributes itself (the container's, or a
 * wrapper that changes attributes, such as the container's own for error pages): the same attributes, one call
 * instead of six. Everything else about the request is unchanged.
 */
class DirectAttributesView extends ThymeleafView {

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        ServletRequest holder = attributeHolder(request);
        super.render(model, holder == request ? request : new DirectAttributes(request, holder), response);
    }

    /** The first request along the wrapper chain whose class keeps or changes attributes itself. */
    static ServletRequest attributeHolder(ServletRequest request) {
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper && PASSES_ATTRIBUTES_ON.get(wrapper.getClass())) {
            current = wrapper.getRequest();
        }
        return current;
    }

    /** Whether a wrapper class leaves the attribute methods as {@link ServletRequestWrapper} has them (handing them on). */
    private static final ClassValue<Boolean> PASSES_ATTRIBUTES_ON = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != ServletRequestWrapper.class && c != HttpServletRequestWrapper.class && c != null;
                    c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    switch (method.getName()) {
                        case "getAttribute", "getAttributeNames", "setAttribute", "removeAttribute" -> {
                            return false;
                        }
                        default -> { }
                    }
                }
            }
            return true;
        }
    };

    /** The request as it was, but for its attributes, which are those of {@code holder}. */
    private static final class DirectAttributes extends HttpServletRequestWrapper {

        private final ServletRequest holder;

        DirectAttributes(HttpServletRequest request, ServletRequest holder) {
            super(request);
            this.holder = holder;
        }

        @Override
        public Object getAttribute(String name) {
            return holder.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return holder.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            holder.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            holder.removeAttribute(name);
        }
    }

    /** Spring Boot's Thymeleaf view resolver, making these views. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        static BeanPostProcessor directAttributesViews() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof ThymeleafViewResolver resolver) {
                        resolver.setViewClass(DirectAttributesView.class);
                    }
                    return bean;
                }
            };
        }
    }
}
