package org.mayorsoffice.casework.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finds a request's handler by its path first. Spring MVC looks a path with a variable in it ({@code /cases/42/note})
 * up by testing every one of the application's ~290 mappings in turn, and tests each one's HTTP method, parameters,
 * headers, content types and only then its path, each through the five request wrappers of the security and session
 * filters: an eighth of a small page's CPU (the note form) and a twentieth of the benchmark's. Here each mapping's
 * first path segment is noted when it is registered, and a mapping whose patterns all begin with another literal
 * segment than the request's is passed over with one string comparison. Only a literal segment is compared (no
 * variable, wildcard or {@code ?} in it), against the request's first segment as Spring's own path patterns see it,
 * so a mapping passed over here is one Spring would have rejected too; every other mapping is tested by Spring as
 * before.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** Stands for a first segment that is not a plain literal (a literal never holds a '*'): always tested by Spring. */
    static final String ANY = "*";

    /** Each mapping's first path segments (one per pattern), or {@link #ANY} among them. */
    private final Map<RequestMappingInfo, List<String>> firstSegments = new ConcurrentHashMap<>();

    /** The first path segment of the request being looked up, on this thread; null when not worked out. */
    private final ThreadLocal<String> requestSegment = new ThreadLocal<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
        if (patterns != null) {
            firstSegments.put(mapping, patterns.getPatterns().stream().map(p -> firstSegment(p.getPatternString())).toList());
        }
    }

    /** A pattern's first segment when it is a plain literal, else {@link #ANY}. */
    static String firstSegment(String pattern) {
        if (!pattern.startsWith("/")) {
            return ANY;
        }
        int next = pattern.indexOf('/', 1);
        String segment = next < 0 ? pattern.substring(1) : pattern.substring(1, next);
        return segment.isEmpty() || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0
                ? ANY : segment;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        requestSegment.set(ServletRequestPathUtils.hasParsedRequestPath(request)
                ? requestFirstSegment(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()) : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            requestSegment.remove();
        }
    }

    /** The request's first segment as path patterns match it ("/cases/42" gives "cases"); null for any other shape. */
    private static String requestFirstSegment(PathContainer path) {
        List<PathContainer.Element> elements = path.elements();
        return elements.size() >= 2 && elements.get(0) instanceof PathContainer.Separator
                && elements.get(1) instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : null;
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String segment = requestSegment.get();
        if (segment != null && cannotMatch(firstSegments.get(info), segment)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private boolean cannotMatch(List<String> mappingSegments, String segment) {
        if (mappingSegments == null || mappingSegments.isEmpty()) {
            return false;
        }
        boolean caseSensitive = getPatternParser() == null || getPatternParser().isCaseSensitive();
        for (String candidate : mappingSegments) {
            boolean same = caseSensitive ? candidate.equals(segment) : candidate.equalsIgnoreCase(segment);
            if (same || candidate.equals(ANY)) {
                return false;
            }
        }
        return true;
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
