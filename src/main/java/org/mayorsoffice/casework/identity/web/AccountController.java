package org.mayorsoffice.casework.identity.web;

import jakarta.validation.Valid;
import java.util.Objects;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A signed-in user changes their own password (required after an admin sets a temporary one). */
@Controller
class AccountController {

    private final UserAccountService accounts;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    AccountController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", new ChangePasswordForm());
        model.addAttribute("mustChange", user.mustChangePassword());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ChangePasswordForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
            HttpServletResponse response) {
        if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("confirmPassword")
                && !Objects.equals(form.getNewPassword(), form.getConfirmPassword())) {
            result.rejectValue("confirmPassword", "mismatch", "Passwords do not match");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changeOwnPassword(user.id(), form.getCurrentPassword(), form.getNewPassword());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            form.clearPasswords();
            model.addAttribute("mustChange", user.mustChangePassword());
            return "account/password";
        }
        refreshPrincipal(user.withPasswordChanged(), request, response);
        redirect.addFlashAttribute("success", "Your password has been changed");
        return "redirect:" + user.homePath();
    }

    private void refreshPrincipal(CurrentUser updated, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }
}
