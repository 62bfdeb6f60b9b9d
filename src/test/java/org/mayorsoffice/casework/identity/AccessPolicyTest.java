package org.mayorsoffice.casework.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.AccessPolicy.Access;
import org.mayorsoffice.casework.identity.AccessPolicy.Rule;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The declared access table against the running application: every controller route must have a
 * rule, and every cell (rule × role, and an anonymous visitor) is checked over HTTP with its exact outcome:
 * an anonymous visitor on a non-public route is sent to sign in, a role outside the row gets 403, a role in
 * it gets past security without a server error (404 for ids that do not exist, or that it may not see:
 * see {@code security.ObjectLevelAccessTest}).
 */
class AccessPolicyTest extends WebTest {

    /** Ids that never exist: an allowed role gets past security (404 or a form), a refused one gets 403. */
    private static final String MISSING_ID = "999999";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyControllerRouteHasAnExplicitRule() {
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getName().startsWith("org.springframework.boot")) {
                return; // the framework's /error controller: covered by the "/error" rule
            }
            for (String pattern : patterns(info)) {
                for (HttpMethod method : methods(info)) {
                    boolean declared = AccessPolicy.RULES.stream().anyMatch(rule -> rule.pattern().equals(pattern)
                            && (rule.method() == null || rule.method().equals(method)));
                    if (!declared) {
                        missing.add(method + " " + pattern + " (" + handler.getShortLogMessage() + ")");
                    }
                }
            }
        });
        assertThat(missing).as("routes without a row in AccessPolicy.RULES").isEmpty();
    }

    @Test
    void everyRuleIsEnforcedForEveryRoleAndForAnonymousVisitors() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : AccessPolicy.RULES) {
            if (rule.pattern().endsWith("/**")) {
                continue; // static files and actuator trees: checked by their own tests
            }
            HttpMethod method = rule.method() == null ? HttpMethod.GET : rule.method();
            String path = rule.pattern().replaceAll("\\{[^}]+\\}", MISSING_ID);
            if (path.equals("/logout")) {
                continue; // the logout filter signs out anyone (a no-op for visitors); checked in SignInTest
            }

            MockHttpServletResponse anonymousResponse = perform(method, path, anonymous());
            // A 401 with "WWW-Authenticate: Bearer" comes from a public API route's own token check (the reporting
            // feed), past security; security itself answers a visitor with a redirect to sign in.
            boolean bearerChallenge = anonymousResponse.getStatus() == 401
                    && String.valueOf(anonymousResponse.getHeader("WWW-Authenticate")).startsWith("Bearer");
            boolean anonymousAllowed = bearerChallenge || (anonymousResponse.getStatus() != 401
                    && anonymousResponse.getStatus() != 403 && !redirectsToSignIn(anonymousResponse));
            if (anonymousAllowed != (rule.access() == Access.PUBLIC)) {
                wrong.add("anonymous " + method + " " + path + " -> " + anonymousResponse.getStatus());
            } else if (rule.access() != Access.PUBLIC && !redirectsToSignIn(anonymousResponse)) {
                wrong.add("anonymous " + method + " " + path + " -> " + anonymousResponse.getStatus()
                        + " (should be sent to sign in)");
            } else if (anonymousResponse.getStatus() >= 500 && !path.equals("/error")) {
                wrong.add("anonymous " + method + " " + path + " -> " + anonymousResponse.getStatus() + " (server error)");
            }
            if (rule.access() == Access.PUBLIC) {
                continue;
            }
            for (Role role : Role.values()) {
                MockHttpServletResponse response = perform(method, path, as(role));
                boolean allowed = response.getStatus() != 403 && !redirectsToSignIn(response);
                if (allowed != rule.allows(role)) {
                    wrong.add(role + " " + method + " " + path + " -> " + response.getStatus()
                            + (rule.allows(role) ? " (should be allowed)" : " (should be refused)"));
                } else if (!allowed && response.getStatus() != 403) {
                    wrong.add(role + " " + method + " " + path + " -> " + response.getStatus() + " (should be 403)");
                } else if (response.getStatus() >= 500) {
                    wrong.add(role + " " + method + " " + path + " -> " + response.getStatus() + " (server error)");
                }
            }
        }
        assertThat(wrong).as("cells of the access table not enforced as declared").isEmpty();
    }

    @Test
    void actuatorHealthIsPublicButOtherEndpointsAreForAdministratorsOnly() throws Exception {
        assertThat(perform(HttpMethod.GET, "/actuator/health", anonymous()).getStatus()).isEqualTo(200);
        assertThat(redirectsToSignIn(perform(HttpMethod.GET, "/actuator/info", anonymous()))).isTrue();
        assertThat(perform(HttpMethod.GET, "/actuator/metrics", as(Role.HEAD_OF_OFFICE)).getStatus()).isEqualTo(403);
        assertThat(perform(HttpMethod.GET, "/actuator/metrics", as(Role.ADMIN)).getStatus()).isEqualTo(200);
    }

    @Test
    void govukFrontendAssetsAreServedToEveryone() throws Exception {
        assertThat(perform(HttpMethod.GET, "/assets/fonts/bold-affa96571d-v2.woff", anonymous()).getStatus()).isEqualTo(200);
        assertThat(perform(HttpMethod.GET, "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css", anonymous()).getStatus())
                .isEqualTo(200);
    }

    @Test
    void anythingNotListedIsDenied() throws Exception {
        assertThat(perform(HttpMethod.GET, "/not-a-route", as(Role.HEAD_OF_OFFICE)).getStatus()).isEqualTo(403);
        assertThat(perform(HttpMethod.DELETE, "/admin/users/1", as(Role.ADMIN)).getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse perform(HttpMethod method, String path,
            org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        MockHttpServletRequestBuilder request = request(method, path).with(who);
        if (method != HttpMethod.GET) {
            request = request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static boolean redirectsToSignIn(MockHttpServletResponse response) {
        String location = response.getRedirectedUrl();
        return response.getStatus() == 302 && location != null && location.endsWith("/login");
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null ? Set.of() : info.getPathPatternsCondition().getPatternValues();
    }

    private static List<HttpMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        if (declared.isEmpty()) {
            return List.of(HttpMethod.GET, HttpMethod.POST);
        }
        return declared.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
    }
}
