package org.mayorsoffice.casework.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler by its path first. Spring MVC looks a path with a variable in it ({@code /cases/42/note})
 * up by testing every one of the application's ~290 mappings in turn, and tests each one's HTTP method, parameters,
 * headers, content types and only then its path, each through the five request wrappers of the security and session
 * filters: an eighth of a small page's CPU (the note form) and a twentieth of the benchmark's. Here a mapping whose
 * paths cannot match is passed over after one comparison of the path's first segment, and the path is read from
 * the request once per lookup. The path test is the same one Spring's own path condition makes
 * ({@link PathPatternsRequestCondition}: a pattern matches the path within the application), so a mapping passed over
 * here is one Spring would have rejected too; every other mapping is tested by Spring as before.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The path of the request being looked up, on this thread; null outside a lookup. */
    private final ThreadLocal<PathContainer> path = new ThreadLocal<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        path.set(ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            path.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathContainer current = path.get();
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (current != null && patterns != null && !anyMatches(patterns, current)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean anyMatches(PathPatternsRequestCondition patterns, PathContainer current) {
        for (PathPattern pattern : patterns.getPatterns()) {
            if (pattern.matches(current)) {
                return true;
            }
        }
        return false;
    }

    /** Spring Boot's MVC set-up with this mapping in place of its own (same order, same configuration). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations pathFirstHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PathFirstHandlerMapping();
                }
            };
        }
    }
}
