package org.mayorsoffice.casework.reports.web;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.reports.internal.ApiTokens;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create (the token shown once) and revoke API tokens for the reporting feed. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ApiTokenAdminController {

    /** The new token form. */
    public static class ApiTokenForm {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private final ApiTokens tokens;

    ApiTokenAdminController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name");
    }

    @GetMapping("/admin/api-tokens")
    String list(Model model) {
        model.addAttribute("form", new ApiTokenForm());
        model.addAttribute("tokens", tokens.list());
        return "admin/api-tokens";
    }

    @PostMapping("/admin/api-tokens")
    String create(@ModelAttribute("form") ApiTokenForm form, BindingResult result, @AuthenticationPrincipal CurrentUser admin,
            Model model, RedirectAttributes redirect) {
        try {
            String token = tokens.create(form.getName(), admin.getUsername());
            redirect.addFlashAttribute("newToken", token);
            redirect.addFlashAttribute("success", "API token " + form.getName().strip() + " created");
            return "redirect:/admin/api-tokens";
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            model.addAttribute("tokens", tokens.list());
            return "admin/api-tokens";
        }
    }

    @PostMapping("/admin/api-tokens/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        String name = tokens.revoke(id, admin.getUsername());
        redirect.addFlashAttribute("success", "API token " + name + " revoked");
        return "redirect:/admin/api-tokens";
    }
}
