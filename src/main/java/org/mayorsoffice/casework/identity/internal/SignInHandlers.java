package org.mayorsoffice.casework.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Counts wrong passwords (locking the account at the limit), resets the count on success, and
 * keeps the typed username when sign-in fails. Every failure shows the same message, so the page
 * does not reveal which usernames exist.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final UserAccountService accounts;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    SignInHandlers(UserAccountService accounts) {
        this.accounts = accounts;
        setAlwaysUseDefaultTargetUrl(false);
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        accounts.recordSuccessfulSignIn(authentication.getName());
        if (authentication.getPrincipal() instanceof CurrentUser user && user.mustChangePassword()) {
            getRedirectStrategy().sendRedirect(request, response, "/account/password");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        if (exception instanceof BadCredentialsException) {
            accounts.recordFailedSignIn(username);
        }
        FlashMap flash = new FlashMap();
        flash.put("username", username == null ? "" : username.strip());
        flash.setTargetRequestPath("/login");
        flashMaps.saveOutputFlashMap(flash, request, response);
        getRedirectStrategy().sendRedirect(request, response, "/login?error");
    }
}
