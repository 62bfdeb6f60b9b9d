package org.mayorsoffice.casework.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user with a temporary password (new account or admin reset) must choose their own before anything else. */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    private static final List<String> ALLOWED_PREFIXES =
            List.of("/account/password", "/logout", "/css/", "/js/", "/images/", "/webjars/", "/assets/", "/error", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                && user.mustChangePassword()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (ALLOWED_PREFIXES.stream().noneMatch(path::startsWith)) {
                response.sendRedirect(request.getContextPath() + "/account/password");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
