package org.mayorsoffice.casework.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Records every "not found" answer to a record route as an {@code access.denied} audit entry: a user who
 * asks for a record they may not see gets the same 404 as for one that does not exist, and the office can
 * see the attempt (who, the route and the id). Writes the entry and lets the normal 404 handling continue.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeniedAccessAuditor implements HandlerExceptionResolver {

    static final String ACTION = "access.denied";

    private final ApplicationEventPublisher events;

    DeniedAccessAuditor(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (ex instanceof NotFoundException notFound) {
            events.publishEvent(AuditEntry.of(actor(), ACTION, notFound.what().toLowerCase(Locale.ROOT), id(request))
                    .detail(request.getMethod() + " " + request.getRequestURI())
                    .build());
        }
        return null; // the 404 page is rendered as before
    }

    private static String actor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || who instanceof AnonymousAuthenticationToken || who.getName() == null) {
            return "anonymous";
        }
        return who.getName();
    }

    /** The route's {id} (or its only path variable), so the attempt can be found by the record's id. */
    private static String id(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && !variables.isEmpty()) {
            Object id = variables.containsKey("id") ? variables.get("id") : variables.values().iterator().next();
            return id == null ? null : String.valueOf(id);
        }
        return null;
    }
}
