package org.mayorsoffice.casework.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** The handler mapping that tests a route's path first finds every route as Spring's own lookup does. */
class PathFirstHandlerMappingTest extends WebTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theApplicationLooksHandlersUpByPathFirst() {
        assertThat(mappings).isInstanceOf(PathFirstHandlerMapping.class);
    }

    /**
     * Every route, asked for with its own method and a path made from its pattern, is answered by its own handler: no
     * route is passed over by the path test. (A route with conditions a bare request does not meet, a parameter or a
     * content type, is asked for only where its own conditions accept the request; routes on one path and method that
     * differ only in what they produce may answer for each other.)
     */
    @Test
    void everyRouteIsFoundForItsOwnPathAndMethod() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<String> patterns = info.getPathPatternsCondition() == null ? Set.of()
                    : info.getPathPatternsCondition().getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                String path = pattern.replaceAll("\\{\\*[^}]+\\}", "x").replaceAll("\\{[^}]+\\}", "7").replace("/**", "/x");
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    MockHttpServletRequest request = parsed(new MockHttpServletRequest(method.name(), path));
                    if (info.getMatchingCondition(request) == null) {
                        continue;
                    }
                    HandlerExecutionChain chain = mappings.getHandler(request);
                    Object found = chain == null ? null : chain.getHandler();
                    checked++;
                    if (!(found instanceof HandlerMethod h) || !(h.getMethod().equals(entry.getValue().getMethod())
                            || sameRoute(h, pattern))) {
                        wrong.add(method + " " + path + " (" + pattern + "): " + found);
                    }
                }
            }
        }
        assertThat(checked).as("routes checked").isGreaterThan(200);
        assertThat(wrong).as("routes answered by another handler").isEmpty();
    }

    /**
     * Whether the handler found is one of the route's siblings on the same pattern and method, told apart by what they
     * produce (the framework's /error: a page for browsers, JSON for the rest), not by their path.
     */
    private boolean sameRoute(HandlerMethod found, String pattern) {
        return mappings.getHandlerMethods().entrySet().stream().anyMatch(e -> e.getValue().getMethod().equals(found.getMethod())
                && e.getKey().getPathPatternsCondition() != null
                && e.getKey().getPathPatternsCondition().getPatternValues().contains(pattern));
    }

    @Test
    void onlyAPlainLiteralFirstSegmentIsComparedAndAnythingElseIsLeftToSpring() {
        assertThat(PathFirstHandlerMapping.firstSegment("/cases/{id}/note")).isEqualTo("cases");
        assertThat(PathFirstHandlerMapping.firstSegment("/login")).isEqualTo("login");
        assertThat(PathFirstHandlerMapping.firstSegment("/reports/cases.csv")).isEqualTo("reports");
        for (String pattern : List.of("/", "", "/{id}", "/**", "css/x", "/a?c/x", "/file{ext}", "/*")) {
            assertThat(PathFirstHandlerMapping.firstSegment(pattern)).as(pattern).isEqualTo(PathFirstHandlerMapping.ANY);
        }
    }

    @Test
    void aPathWithAVariableStillReachesItsPage() throws Exception {
        mvc.perform(get("/cases/mine").with(as(Role.CASEWORKER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("My cases")));
        mvc.perform(get("/cases/999999/note").with(as(Role.CASEWORKER))).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownPathFindsNoHandlerAndAKnownPathWithAnotherMethodIsRefused() throws Exception {
        assertThat(mappings.getHandler(parsed(new MockHttpServletRequest("GET", "/cases/7/no-such-page")))).isNull();
        assertThatThrownBy(() -> mappings.getHandler(parsed(new MockHttpServletRequest("PUT", "/cases/7/note"))))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
    }

    private static MockHttpServletRequest parsed(MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
