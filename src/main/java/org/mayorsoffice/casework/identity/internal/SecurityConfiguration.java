package org.mayorsoffice.casework.identity.internal;

import org.mayorsoffice.casework.identity.AccessPolicy;
import org.mayorsoffice.casework.identity.AccessPolicy.Rule;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.shared.web.MultipartErrorFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInHandlers signInHandlers) throws Exception {
        http.authorizeHttpRequests(authorize -> {
            for (Rule rule : AccessPolicy.RULES) {
                var matcher = PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
                AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = authorize.requestMatchers(matcher);
                switch (rule.access()) {
                    case PUBLIC -> url.permitAll();
                    case SIGNED_IN -> url.authenticated();
                    case ROLES -> url.access(AuthorityAuthorizationManager.hasAnyRole(
                            rule.roles().stream().map(Role::name).toArray(String[]::new)));
                }
            }
            authorize.anyRequest().denyAll();
        });
        http.formLogin(form -> form.loginPage("/login")
                .usernameParameter("username")
                .passwordParameter("password")
                .successHandler(signInHandlers)
                .failureHandler(signInHandlers));
        http.logout(logout -> logout.logoutUrl("/logout")
                .logoutSuccessUrl("/login?signedOut")
                .invalidateHttpSession(true)
                .deleteCookies("CASEWORK_SESSION"));
        http.sessionManagement(session -> session.invalidSessionUrl("/login?expired"));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        http.addFilterAfter(new PasswordChangeRequiredFilter(), AnonymousAuthenticationFilter.class);
        // An unreadable upload (too big, malformed) gets the service's error page, with these headers, not a 500.
        http.addFilterBefore(new MultipartErrorFilter(), CsrfFilter.class);
        return http.build();
    }

    /**
     * Method security ({@code @PreAuthorize} on every controller method) with the expressions compiled to bytecode once
     * they have run a few times (falling back to interpretation if ever needed), instead of interpreted on each request.
     */
    @Bean
    static org.springframework.security.access.expression.method.MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
        var handler = new org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler();
        handler.setExpressionParser(new org.springframework.expression.spel.standard.SpelExpressionParser(
                new org.springframework.expression.spel.SpelParserConfiguration(
                        org.springframework.expression.spel.SpelCompilerMode.MIXED, SecurityConfiguration.class.getClassLoader())));
        return handler;
    }

    /**
     * No Spring Security observations at all. {@code management.observations.enable.spring.security=false} only made them
     * no-ops: every filter of the chain and every authorization decision was still wrapped in an observation, ~3 % of
     * the app's CPU under the benchmark. Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
